package io.ticklake.simulator.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** When a run stops by itself. */
public final class LimitOptions {

    @Option(names = {"-n", "--count"}, paramLabel = "TICKS", defaultValue = "0",
            description = "Stop after this many source ticks (0: no limit). Injected extras come on top."
                    + " Default: ${DEFAULT-VALUE}")
    long count;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this long, e.g. 30s, 10m (default: no limit)")
    Duration duration;
}
