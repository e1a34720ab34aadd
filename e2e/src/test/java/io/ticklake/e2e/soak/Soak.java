package io.ticklake.e2e.soak;

import static org.awaitility.Awaitility.await;

import io.ticklake.e2e.kafka.TickFeed;
import io.ticklake.schemas.StockTick;
import io.ticklake.simulator.inject.InjectionSettings;
import io.ticklake.simulator.market.DefaultSymbols;
import io.ticklake.simulator.market.SimulationSettings;
import io.ticklake.simulator.produce.ProducerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The soak: the pipeline under a steady tick feed (late, duplicate, out-of-order and invalid ticks mixed
 * in) while the fault schedule injects each fault in turn, round after round until the run's length;
 * after each fault it measures how long the pipeline takes to make progress again; then the feed stops,
 * everything drains, and {@link SoakVerifier} checks that nothing was lost, duplicated or left stuck.
 */
public final class Soak {

    private static final Logger LOG = LoggerFactory.getLogger(Soak.class);
    private static final List<String> SYMBOLS = List.of("AAPL", "BRK.B", "JPM", "MSFT", "NVDA");

    /**
     * How a soak runs.
     *
     * @param ticksPerSecond source ticks a second (event time runs at wall-clock speed)
     * @param minimum        keep starting rounds until this long has passed (at least one round)
     * @param outage         how long MinIO is stopped and the registry paused
     * @param deadline       deadline of each recovery, of the start and of the drain
     * @param seed           of the fault order and targets, the market and the injection
     */
    public record Settings(int ticksPerSecond, Duration minimum, Duration outage, Duration deadline, long seed) {
    }

    private Soak() {
    }

    /**
     * Runs a soak on a platform of its own under {@code workDir}; the report says what was found. Every
     * process log ends up in {@code logDir}.
     */
    public static SoakReport run(Settings settings, Path workDir, Path logDir) {
        SoakReport report = new SoakReport(settings.seed());
        long begin = System.nanoTime();
        try (SoakPipeline pipeline = SoakPipeline.start(workDir, settings.deadline())) {
            // event time runs at wall-clock speed two hours behind: when the feed stops, every hour it touched
            // has closed for compaction (its end plus the 15-minute close grace)
            Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(2, ChronoUnit.HOURS);
            SimulationSettings market = new SimulationSettings(DefaultSymbols.profilesFor(SYMBOLS),
                    settings.ticksPerSecond(), settings.seed(), start, 1);
            // 2 % late by 10 minutes, 1 % out of order, 2 % duplicated, 1 % followed by an invalid copy
            InjectionSettings injection = new InjectionSettings(0.02, Duration.ofMinutes(10), 0.01, 0.02, 0.01,
                    settings.seed());
            ProducerSettings kafka = ProducerSettings.of(pipeline.platform().kafkaBootstrapServers(),
                    pipeline.platform().schemaRegistryUrl(), SoakPipeline.TOPICS.ticks());
            List<StockTick> sent;
            try (SteadyFeed feed = new SteadyFeed(new TickFeed(kafka, market, injection), settings.ticksPerSecond())) {
                feed.start();
                Duration warmUp = awaitProgress(pipeline, System.nanoTime(), settings.deadline());
                LOG.info("the pipeline makes progress {} s after the feed started", warmUp.toSeconds());
                injectFaults(pipeline, feed, settings, report, begin);
                sent = feed.stop();
            }
            LOG.info("the feed stopped after {} ticks; draining and verifying", sent.size());
            new SoakVerifier(pipeline, report, settings.deadline()).verify(sent, workDir);
            pipeline.copyLogs(logDir);
        }
        report.wallTime(Duration.ofNanos(System.nanoTime() - begin));
        return report;
    }

    private static void injectFaults(SoakPipeline pipeline, SteadyFeed feed, Settings settings, SoakReport report,
                                     long begin) {
        FaultSchedule schedule = new FaultSchedule(settings.seed());
        for (int round = 1; round == 1 || Duration.ofNanos(System.nanoTime() - begin).compareTo(settings.minimum()) < 0;
             round++) {
            List<Fault> faults = schedule.nextRound();
            LOG.info("fault round {} (seed {}): {}", round, schedule.seed(), faults);
            for (Fault fault : faults) {
                Instant began = Instant.now();
                LOG.info("injecting {}: {}", fault, fault.description());
                String target = pipeline.inject(fault, schedule, settings.outage(), () -> !feed.failed());
                Instant ended = Instant.now();
                Duration recovery;
                try {
                    recovery = awaitProgress(pipeline, System.nanoTime(), settings.deadline());
                } catch (ConditionTimeoutException e) {
                    recovery = settings.deadline();
                    report.problem("no progress within " + settings.deadline() + " after " + fault + " (" + target + "): "
                            + e.getMessage());
                }
                FaultRecord record = new FaultRecord(round, fault, target, began, ended, recovery);
                LOG.info("{} on {} lasted {} ms; progress again after {} ms", fault, target, record.length().toMillis(),
                        recovery.toMillis());
                report.fault(record);
            }
        }
    }

    /**
     * Waits until, after {@code sinceNanos}, the committed KPIs and the raw lake have advanced and every
     * instance's WebSocket client (reconnected to a restarted instance once it is ready) received an update;
     * returns how long that took.
     */
    static Duration awaitProgress(SoakPipeline pipeline, long sinceNanos, Duration wait) {
        long kpisBefore = pipeline.cluster().committedEnd(SoakPipeline.TOPICS.kpis());
        int lakeBefore = pipeline.lake().rawKeys().size();
        AtomicReference<String> state = new AtomicReference<>("not polled yet");
        try {
            await().atMost(wait).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                boolean clients = pipeline.connectMissingClients();
                long kpis = pipeline.cluster().committedEnd(SoakPipeline.TOPICS.kpis());
                int lake = pipeline.lake().rawKeys().size();
                List<String> silent = pipeline.clients().entrySet().stream()
                        .filter(c -> !c.getValue().updatedSince(sinceNanos)).map(c -> c.getKey()).toList();
                state.set("committed KPI offsets " + kpisBefore + " -> " + kpis + ", raw files " + lakeBefore + " -> "
                        + lake + ", every instance has a WebSocket client: " + clients + ", clients without an update: "
                        + silent);
                return clients && kpis > kpisBefore && lake > lakeBefore && silent.isEmpty();
            });
        } catch (ConditionTimeoutException e) {
            throw new ConditionTimeoutException(state.get());
        }
        return Duration.ofNanos(System.nanoTime() - sinceNanos);
    }
}
