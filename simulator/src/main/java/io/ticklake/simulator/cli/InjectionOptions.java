package io.ticklake.simulator.cli;

import io.ticklake.simulator.inject.InjectionSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The test-data mode's rates (share of source ticks, 0..1). */
public final class InjectionOptions {

    @Option(names = "--late-rate", paramLabel = "RATE", defaultValue = "0",
            description = "Share of ticks whose event time is set back by --late-by. Default: ${DEFAULT-VALUE}")
    double lateRate;

    @Option(names = "--late-by", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "How far a late tick's event time goes back. Default: ${DEFAULT-VALUE}")
    Duration lateBy;

    @Option(names = "--out-of-order-rate", paramLabel = "RATE", defaultValue = "0",
            description = "Share of ticks held back until after the next tick of their symbol. Default: ${DEFAULT-VALUE}")
    double outOfOrderRate;

    @Option(names = "--duplicate-rate", paramLabel = "RATE", defaultValue = "0",
            description = "Share of ticks sent twice. Default: ${DEFAULT-VALUE}")
    double duplicateRate;

    @Option(names = "--invalid-rate", paramLabel = "RATE", defaultValue = "0",
            description = "Share of ticks followed by an invalid copy (negative price, empty symbol, NaN price in"
                    + " turn). Only this mode ever sends invalid ticks. Default: ${DEFAULT-VALUE}")
    double invalidRate;

    InjectionSettings settings(long seed) {
        return new InjectionSettings(lateRate, lateBy, outOfOrderRate, duplicateRate, invalidRate, seed);
    }
}
