package io.ticklake.simulator.cli;

import io.ticklake.simulator.replay.BadLinePolicy;
import io.ticklake.simulator.replay.Bar;
import io.ticklake.simulator.replay.CsvReplayReader;
import io.ticklake.simulator.replay.MalformedCsvLineException;
import io.ticklake.simulator.replay.ReplayFile;
import io.ticklake.simulator.replay.ReplaySettings;
import io.ticklake.simulator.replay.ReplaySource;
import io.ticklake.simulator.run.RunOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code simulator replay <csv>}: historical bars or ticks, at original times or re-based to now. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replay a CSV of bars (date,open,high,low,close,volume[,symbol]) or ticks"
                + " (event_time,symbol,price,volume[,bid,ask,sequence]). Each bar becomes a few ticks whose"
                + " first/max/min/last prices and total volume reproduce it exactly.",
                "Without --speed the original event times are kept and ticks go out as fast as possible (batch"
                        + " ingestion of history); with --speed they are re-based to now and sent in real time."})
final class ReplayCommand implements Callable<Integer> {

    @ParentCommand
    SimulatorCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CSV", description = "The file to replay")
    Path file;

    @Option(names = "--symbol", paramLabel = "SYMBOL",
            description = "Symbol of a file without a symbol column (default: the file name, e.g. AAPL.csv)")
    String symbol;

    @Option(names = "--speed", paramLabel = "FACTOR", defaultValue = "0",
            description = "Re-base event times to now, compressed by this factor, and send in real time"
                    + " (60: an hour a minute). 0 keeps original times. Default: ${DEFAULT-VALUE}")
    double speed;

    @Option(names = "--on-bad-line", paramLabel = "skip|fail", defaultValue = "fail",
            description = "A malformed line stops the run before anything is produced (fail), or is logged with"
                    + " file and line, skipped and counted (skip). Default: ${DEFAULT-VALUE}")
    BadLinePolicy onBadLine;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "America/New_York",
            description = "Zone of times without an offset and of daily sessions. Default: ${DEFAULT-VALUE}")
    ZoneId zone;

    @Option(names = "--bar-interval", paramLabel = "DURATION", defaultValue = "1m", converter = DurationConverter.class,
            description = "Length of an intraday bar; its time column is its start. Default: ${DEFAULT-VALUE}")
    Duration barInterval;

    @Option(names = "--session-open", paramLabel = "HH:MM", defaultValue = "09:30",
            description = "When a daily bar's session opens. Default: ${DEFAULT-VALUE}")
    LocalTime sessionOpen;

    @Option(names = "--session-length", paramLabel = "DURATION", defaultValue = "6h30m",
            converter = DurationConverter.class, description = "How long a daily session lasts. Default: ${DEFAULT-VALUE}")
    Duration sessionLength;

    @Option(names = "--ticks-per-bar", paramLabel = "N", defaultValue = "4",
            description = "Ticks per bar, at least 4. Default: ${DEFAULT-VALUE}")
    int ticksPerBar;

    @Option(names = "--first-sequence", paramLabel = "N", defaultValue = "1",
            description = "First sequence number per symbol when the file has none. Default: ${DEFAULT-VALUE}")
    long firstSequence;

    @Option(names = "--seed", paramLabel = "LONG", defaultValue = "1",
            description = "Seed of the test-data injection. Default: ${DEFAULT-VALUE}")
    long seed;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    LimitOptions limits;

    @Mixin
    InjectionOptions injection;

    @Override
    public Integer call() {
        ReplaySettings settings;
        RunOptions options;
        try {
            settings = new ReplaySettings(zone, symbol, onBadLine, barInterval, sessionOpen, sessionLength,
                    ticksPerBar, speed, firstSequence);
            options = new RunOptions(limits.count, limits.duration, settings.rebased(), injection.settings(seed));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        ReplayFile replay;
        try {
            replay = new CsvReplayReader(settings).read(file);
        } catch (MalformedCsvLineException e) {
            return badInput(e.getMessage() + (onBadLine == BadLinePolicy.FAIL
                    ? " (nothing was produced; --on-bad-line=skip skips such lines)" : ""));
        } catch (NoSuchFileException e) {
            return badInput("no such file: " + file);
        } catch (IOException e) {
            return badInput("cannot read " + file + ": " + e);
        }
        reportSkipped(replay);
        String description = String.format(Locale.ROOT, "%d %s from %s%s", replay.events().size(),
                replay.events().isEmpty() || replay.events().get(0) instanceof Bar
                        ? "bars" : "ticks", file, settings.rebased() ? " re-based to now at speed " + speed
                        : " at original times");
        return new ProducerRun(kafka, spec.commandLine().getOut(), spec.commandLine().getErr(), parent.clock())
                .run(() -> new ReplaySource(replay, settings, parent.clock()), options, source -> description);
    }

    private void reportSkipped(ReplayFile replay) {
        if (replay.skippedLines() == 0) {
            return;
        }
        PrintWriter err = spec.commandLine().getErr();
        replay.skipReasons().forEach(reason -> err.println("warning: skipped " + reason));
        long unlisted = replay.skippedLines() - replay.skipReasons().size();
        err.printf("warning: skipped %d malformed line(s) of %s%s%n", replay.skippedLines(), file,
                unlisted > 0 ? " (" + unlisted + " not listed)" : "");
        err.flush();
    }

    private int badInput(String message) {
        spec.commandLine().getErr().println("error: " + message);
        spec.commandLine().getErr().flush();
        return ExitCodes.BAD_INPUT;
    }
}
