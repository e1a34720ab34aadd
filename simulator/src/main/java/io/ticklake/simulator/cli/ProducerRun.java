package io.ticklake.simulator.cli;

import io.ticklake.simulator.produce.KafkaTickSink;
import io.ticklake.simulator.produce.Preflight;
import io.ticklake.simulator.produce.ProduceException;
import io.ticklake.simulator.produce.ProducerSettings;
import io.ticklake.simulator.run.ProgressReporter;
import io.ticklake.simulator.run.RunOptions;
import io.ticklake.simulator.run.RunSummary;
import io.ticklake.simulator.run.TickPipeline;
import io.ticklake.simulator.tick.TickSource;
import io.ticklake.simulator.time.Sleeper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one source into Kafka for a subcommand: start-up checks, the producer, the progress line,
 * a shutdown hook that turns Ctrl-C into a clean stop (flush, then summary), and the summary.
 */
final class ProducerRun {

    /** How long Ctrl-C waits for the flush and the summary before the JVM exits anyway. */
    private static final long SHUTDOWN_WAIT_SECONDS = 60;

    private final KafkaOptions kafka;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Clock clock;

    ProducerRun(KafkaOptions kafka, PrintWriter out, PrintWriter err, Clock clock) {
        this.kafka = kafka;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /**
     * Checks the broker and the registry, then creates the source (so a live simulation's clock starts
     * when producing does) and runs it with {@code options}; returns the process exit code.
     *
     * @param sources  creates the source; it is closed at the end
     * @param describe what is being produced, for the first line of output
     */
    int run(Supplier<TickSource> sources, RunOptions options, Function<TickSource, String> describe) {
        ProducerSettings settings = kafka.settings();
        try {
            new Preflight(settings).check(Optional.ofNullable(kafka.createTopicPartitions));
        } catch (ProduceException e) {
            printError(e.getMessage());
            return ExitCodes.UNAVAILABLE;
        }
        try (TickSource source = sources.get()) {
            out.printf("Producing %s to '%s' at %s (registry %s)%n", describe.apply(source), settings.topic(),
                    settings.bootstrapServers(), settings.schemaRegistryUrl());
            out.flush();
            return produce(source, options, settings);
        }
    }

    private int produce(TickSource source, RunOptions options, ProducerSettings settings) {
        CountDownLatch finished = new CountDownLatch(1);
        KafkaTickSink sink = new KafkaTickSink(settings);
        TickPipeline pipeline = new TickPipeline(source, sink, options, clock, Sleeper.SYSTEM);
        Thread hook = new Thread(() -> {
            pipeline.stop();
            awaitQuietly(finished);
        }, "simulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            RunSummary summary;
            try (ProgressReporter ignored = new ProgressReporter(pipeline.counters(), sink, this::printProgress,
                    kafka.progressInterval)) {
                summary = pipeline.run();
            }
            sink.close();
            report(summary);
            return summary.complete() ? ExitCodes.OK : ExitCodes.FAILED;
        } catch (ProduceException e) {
            printError(e.getMessage());
            return ExitCodes.FAILED;
        } finally {
            sink.close();
            // Only now may a Ctrl-C hook let the JVM exit: the summary is out.
            finished.countDown();
            removeQuietly(hook);
        }
    }

    private void report(RunSummary summary) {
        out.print(summary.toText());
        out.flush();
        if (kafka.summaryFile != null) {
            try {
                Files.writeString(kafka.summaryFile, summary.toJson(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                printError("cannot write the summary to " + kafka.summaryFile + ": " + e.getMessage());
            }
        }
    }

    private synchronized void printProgress(String line) {
        err.println(line);
        err.flush();
    }

    private synchronized void printError(String message) {
        err.println("error: " + message);
        err.flush();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting (Ctrl-C): the hook is running and waits for the latch.
        }
    }
}
