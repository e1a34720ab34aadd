package io.ticklake.simulator.cli;

import io.ticklake.simulator.market.DefaultSymbols;
import io.ticklake.simulator.market.MarketSimulator;
import io.ticklake.simulator.market.SimulationSettings;
import io.ticklake.simulator.market.SymbolProfile;
import io.ticklake.simulator.run.RunOptions;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code simulator simulate}: the simulated market, live or as fast as the producer goes. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Produce simulated ticks: per-symbol GBM prices, bid/ask spreads, heavy-tailed sizes, bursty"
                + " timing. The same --seed and --start give the same ticks.")
final class SimulateCommand implements Callable<Integer> {

    @ParentCommand
    SimulatorCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-s", "--symbols"}, split = ",", paramLabel = "SYMBOL",
            description = "Symbols to simulate (default: a dozen large US equities: AAPL, MSFT, NVDA, ...)")
    List<String> symbols;

    @Option(names = "--rate", paramLabel = "TICKS_PER_SECOND", defaultValue = "100",
            description = "Average ticks per second over all symbols, in event time (bursts and quiet spells"
                    + " around it). Default: ${DEFAULT-VALUE}")
    double rate;

    @Option(names = "--max-speed",
            description = "Send as fast as the producer takes them instead of in real time; event times still"
                    + " follow --rate, so they run ahead of the clock")
    boolean maxSpeed;

    @Option(names = "--seed", paramLabel = "LONG",
            description = "Random seed (default: a new one per run, printed so the run can be repeated)")
    Long seed;

    @Option(names = "--start", paramLabel = "INSTANT",
            description = "Event time of the first tick's clock, e.g. 2026-11-20T14:30:00Z (default: now)")
    Instant start;

    @Option(names = "--first-sequence", paramLabel = "N", defaultValue = "1",
            description = "First sequence number of each symbol. Default: ${DEFAULT-VALUE}")
    long firstSequence;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    LimitOptions limits;

    @Mixin
    InjectionOptions injection;

    @Override
    public Integer call() {
        long runSeed = seed != null ? seed : System.nanoTime();
        List<String> chosen = symbols == null || symbols.isEmpty() ? DefaultSymbols.symbols() : symbols;
        List<SymbolProfile> profiles;
        RunOptions options;
        try {
            profiles = DefaultSymbols.profilesFor(chosen);
            // Validates the settings now, so a bad rate is a usage error before anything connects.
            settings(profiles, runSeed, Instant.EPOCH);
            options = new RunOptions(limits.count, limits.duration, !maxSpeed, injection.settings(runSeed));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return new ProducerRun(kafka, spec.commandLine().getOut(), spec.commandLine().getErr(), parent.clock())
                .run(() -> new MarketSimulator(settings(profiles, runSeed,
                        start != null ? start : Instant.ofEpochMilli(parent.clock().millis()))), options,
                        source -> describe((MarketSimulator) source));
    }

    private SimulationSettings settings(List<SymbolProfile> profiles, long runSeed, Instant runStart) {
        return new SimulationSettings(profiles, rate, runSeed, runStart, firstSequence);
    }

    private String describe(MarketSimulator simulator) {
        SimulationSettings settings = simulator.settings();
        return String.format(Locale.ROOT, "simulated ticks of %d symbols at %s ticks/s%s (seed %d, start %s)",
                settings.symbols().size(), settings.ticksPerSecond(), maxSpeed ? ", max speed" : "", settings.seed(),
                settings.start());
    }
}
