package io.ticklake.simulator.cli;

import io.ticklake.simulator.alphavantage.AlphaVantageClient;
import io.ticklake.simulator.alphavantage.AlphaVantageSettings;
import io.ticklake.simulator.alphavantage.AlphaVantageSource;
import io.ticklake.simulator.alphavantage.ApiKey;
import io.ticklake.simulator.alphavantage.CallBudget;
import io.ticklake.simulator.run.RunOptions;
import io.ticklake.simulator.time.Sleeper;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code simulator alphavantage}: live quotes from Alpha Vantage's GLOBAL_QUOTE within the plan's limits. */
@Command(name = "alphavantage", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Poll Alpha Vantage GLOBAL_QUOTE for each symbol in turn and produce a tick for every quote"
                + " that moved (repeated quotes are skipped).",
                "The API key is read from the environment (ALPHAVANTAGE_API_KEY) and never printed."})
final class AlphaVantageCommand implements Callable<Integer> {

    @ParentCommand
    SimulatorCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-s", "--symbols"}, split = ",", paramLabel = "SYMBOL",
            defaultValue = "AAPL,MSFT,NVDA,AMZN,GOOGL",
            description = "Symbols to poll in turn. Default: ${DEFAULT-VALUE}")
    List<String> symbols;

    @Option(names = "--api-key-env", paramLabel = "VARIABLE", defaultValue = ApiKey.ENVIRONMENT_VARIABLE,
            description = "Environment variable holding the API key. Default: ${DEFAULT-VALUE}")
    String apiKeyVariable;

    @Option(names = "--base-url", paramLabel = "URL", defaultValue = AlphaVantageClient.DEFAULT_BASE_URL,
            description = "Query endpoint. Default: ${DEFAULT-VALUE}")
    String baseUrl;

    @Option(names = "--calls-per-minute", paramLabel = "N", defaultValue = "" + CallBudget.FREE_TIER_PER_MINUTE,
            description = "The plan's per-minute allowance. Default: ${DEFAULT-VALUE} (free tier)")
    int callsPerMinute;

    @Option(names = "--calls-per-day", paramLabel = "N", defaultValue = "" + CallBudget.FREE_TIER_PER_DAY,
            description = "The plan's daily allowance. Default: ${DEFAULT-VALUE} (free tier)")
    int callsPerDay;

    @Option(names = "--wait-for-next-day",
            description = "When the day's calls are used up, wait for the next day instead of stopping")
    boolean waitForNextDay;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "America/New_York",
            description = "Exchange zone: trading days, the 16:00 close, and the daily reset. Default: ${DEFAULT-VALUE}")
    ZoneId zone;

    @Option(names = "--rate-limit-pause", paramLabel = "DURATION", defaultValue = "1m",
            converter = DurationConverter.class,
            description = "Pause after the service's per-minute rate-limit note. Default: ${DEFAULT-VALUE}")
    Duration rateLimitPause;

    @Option(names = "--first-sequence", paramLabel = "N", defaultValue = "1",
            description = "First sequence number of each symbol. Default: ${DEFAULT-VALUE}")
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
        ApiKey key;
        try {
            key = ApiKey.fromEnvironment(parent.environment(), apiKeyVariable);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCodes.BAD_INPUT;
        }
        AlphaVantageSettings settings;
        RunOptions options;
        try {
            settings = new AlphaVantageSettings(baseUrl, symbols, callsPerMinute, callsPerDay, zone, waitForNextDay,
                    rateLimitPause, Duration.ofSeconds(10), Duration.ofSeconds(30), firstSequence);
            options = new RunOptions(limits.count, limits.duration, false, injection.settings(seed));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        String description = "Alpha Vantage quotes of " + String.join(",", settings.symbols()) + " ("
                + callsPerMinute + " calls/min, " + callsPerDay + " calls/day)";
        return new ProducerRun(kafka, spec.commandLine().getOut(), spec.commandLine().getErr(), parent.clock())
                .run(() -> new AlphaVantageSource(settings, key, parent.clock(), Sleeper.SYSTEM), options,
                        source -> description);
    }
}
