package io.ticklake.simulator.it;

import static io.ticklake.simulator.testing.AlphaVantageStub.quote;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.schemas.StockTick;
import io.ticklake.simulator.cli.ExitCodes;
import io.ticklake.simulator.testing.AlphaVantageStub;
import io.ticklake.simulator.testing.CliRun;
import io.ticklake.simulator.testing.TopicReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Alpha Vantage subcommand, against the local stub, producing to the real broker. */
@ExtendWith(LocalPlatformExtension.class)
class AlphaVantageKafkaIT {

    private static final String KEY = "IT-KEY-93e1b";

    @Test
    void quotesBecomeTicksAndTheKeyStaysSecret(TestPlatform platform) {
        String topic = "alphavantage-it-" + UUID.randomUUID();
        platform.createTopic(topic, 6);
        try (AlphaVantageStub stub = new AlphaVantageStub()) {
            stub.thenRecorded("global-quote-ibm.json")
                    .thenRecorded("malformed-truncated.json")
                    .then(200, quote("IBM", "167.40", 3_100_000, "2024-05-10"))
                    .thenRecorded("rate-limit-daily.json");

            CliRun run = CliRun.of(Map.of("ALPHAVANTAGE_API_KEY", KEY), "alphavantage", "--symbols", "IBM,MSFT",
                    "--base-url", stub.baseUrl(), "--bootstrap-servers", platform.kafkaBootstrapServers(),
                    "--schema-registry-url", platform.schemaRegistryUrl(), "--topic", topic);

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).contains("ended-by=source").contains("acked=2").contains("malformed_responses=1")
                    .contains("budget used up");
            assertThat(run.out() + run.err()).doesNotContain(KEY);
            assertThat(stub.requests()).hasSize(4);
        }
        List<StockTick> ticks = TopicReader.readAll(platform.kafkaBootstrapServers(), platform.schemaRegistryUrl(),
                topic, 2).stream().map(ConsumerRecord::value).toList();
        assertThat(ticks).extracting(StockTick::getPrice).containsExactly(167.15, 167.40);
        assertThat(ticks).extracting(StockTick::getVolume).containsExactly(3_007_394L, 3_100_000L - 3_007_394L);
        assertThat(ticks).allMatch(t -> t.getSource().equals("ALPHA_VANTAGE") && t.getSymbol().equals("IBM"));
    }
}
