package io.ticklake.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.simulator.testing.CliRun;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line without a broker: help, bad arguments and bad input fail fast with clear messages. */
class SimulatorCliTest {

    @TempDir
    Path dir;

    @Test
    void helpListsTheSubcommands() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("simulate", "replay", "alphavantage", "Exit codes");
        CliRun simulate = CliRun.of("simulate", "--help");
        assertThat(simulate.out()).contains("--rate", "--seed", "--late-rate", "--duplicate-rate", "--invalid-rate",
                "--bootstrap-servers", "--schema-registry-url", "--count", "--duration");
        assertThat(CliRun.of("replay", "--help").out()).contains("--on-bad-line", "--speed");
    }

    @Test
    void badArgumentsAreUsageErrorsNamingTheOption() {
        CliRun rate = CliRun.of("simulate", "--rate", "-5");
        assertThat(rate.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(rate.err()).contains("ticksPerSecond must be > 0");
        CliRun policy = CliRun.of("replay", "x.csv", "--on-bad-line", "ignore");
        assertThat(policy.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(policy.err()).contains("--on-bad-line").contains("FAIL, SKIP");
        CliRun duration = CliRun.of("simulate", "--duration", "forever");
        assertThat(duration.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(duration.err()).contains("'forever' is not a duration");
        CliRun injection = CliRun.of("simulate", "--late-rate", "1.5");
        assertThat(injection.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(injection.err()).contains("lateRate must be between 0 and 1");
        assertThat(CliRun.of().exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aMalformedCsvLineStopsBeforeAnyConnection() throws IOException {
        Path csv = Files.writeString(dir.resolve("AAPL.csv"), """
                date,open,high,low,close,volume
                2024-05-09,10,11,9,10.5,100
                2024-05-10,10,11,9,10.5,lots
                """);
        CliRun run = CliRun.of("replay", csv.toString(), "--bootstrap-servers", "127.0.0.1:" + closedPort());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(csv + ":3: volume 'lots' is not a number")
                .contains("nothing was produced");
        assertThat(CliRun.of("replay", dir.resolve("missing.csv").toString()).err()).contains("no such file");
    }

    @Test
    void aProducerConfigFileKeepsSecretsOffTheCommandLineAndDashXOverridesIt() throws IOException {
        Path config = Files.writeString(dir.resolve("client.properties"), """
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\
                    username="ticks" password="s3cret";
                linger.ms=20
                """);
        SimulateCommand command = new SimulateCommand();
        new picocli.CommandLine(command).parseArgs("--producer-config", config.toString(), "-X", "linger.ms=1");

        Map<String, Object> producer = command.kafka.settings().producerProperties();
        assertThat(producer).containsEntry("security.protocol", "SASL_SSL").containsEntry("linger.ms", "1")
                .containsEntry("sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"ticks\" password=\"s3cret\";");
        assertThat(command.kafka.settings().adminProperties()).containsEntry("security.protocol", "SASL_SSL")
                .containsKey("sasl.jaas.config").doesNotContainKey("linger.ms");

        CliRun missing = CliRun.of("simulate", "--producer-config", dir.resolve("nope.properties").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("--producer-config").contains("nope.properties");
    }

    @Test
    void alphaVantageWithoutAKeyNamesTheVariable() {
        CliRun run = CliRun.of(Map.of(), "alphavantage");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("ALPHAVANTAGE_API_KEY");
        CliRun custom = CliRun.of(Map.of("ALPHAVANTAGE_API_KEY", "x"), "alphavantage", "--api-key-env", "MY_AV_KEY");
        assertThat(custom.err()).contains("MY_AV_KEY");
    }

    @Test
    void anUnreachableBrokerFailsWithinTheCheckTimeout() throws IOException {
        long start = System.nanoTime();
        CliRun run = CliRun.of("simulate", "--bootstrap-servers", "127.0.0.1:" + closedPort(), "--check-timeout", "2s",
                "--count", "10");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).contains("Kafka is not reachable at 127.0.0.1:").contains("no answer within 2 s");
        assertThat(took).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void anUnresolvableBrokerNameIsNamed() {
        CliRun run = CliRun.of("simulate", "--bootstrap-servers", "no-such-host.invalid:9092", "--check-timeout", "2s");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).contains("no-such-host.invalid:9092");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
