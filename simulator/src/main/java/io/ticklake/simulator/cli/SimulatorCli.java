package io.ticklake.simulator.cli;

import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code simulator} command: produces ticks to Kafka from the simulated market, a CSV replay or
 * Alpha Vantage. {@code main} only parses arguments and exits with the subcommand's code.
 */
@Command(name = "simulator", mixinStandardHelpOptions = true, versionProvider = SimulatorCli.Version.class,
        description = "Produces StockTick records (Avro, Confluent wire format) to Kafka.",
        subcommands = {SimulateCommand.class, ReplayCommand.class, AlphaVantageCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every tick was acknowledged", "1:ticks were lost or producing failed",
                "2:bad command line", "3:start-up check failed: broker or registry unreachable, topic missing, schema refused",
                "4:unusable input (malformed CSV line, missing API key)"})
public final class SimulatorCli implements Runnable {

    private final Map<String, String> environment;
    private final Clock clock;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public SimulatorCli() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** With a given environment (the API key) and clock, for tests. */
    public SimulatorCli(Map<String, String> environment, Clock clock) {
        this.environment = Map.copyOf(environment);
        this.clock = clock;
    }

    public static void main(String[] args) {
        quietKafkaLogging();
        System.exit(commandLine(new SimulatorCli()).execute(args));
    }

    /** The configured command line for {@code cli}. */
    public static CommandLine commandLine(SimulatorCli cli) {
        CommandLine commandLine = new CommandLine(cli);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException
                ? ExitCodes.USAGE : ExitCodes.FAILED);
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a subcommand: simulate, replay or alphavantage");
    }

    Map<String, String> environment() {
        return environment;
    }

    Clock clock() {
        return clock;
    }

    /** The Kafka client's INFO logging (its full config on every start) drowns the progress lines. */
    private static void quietKafkaLogging() {
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SimulatorCli.class.getPackage().getImplementationVersion();
            return new String[] {"TickLake simulator " + (version == null ? "(development build)" : version)};
        }
    }
}
