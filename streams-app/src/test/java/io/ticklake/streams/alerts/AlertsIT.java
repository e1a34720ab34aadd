package io.ticklake.streams.alerts;

import static io.ticklake.streams.testing.Ticks.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.schemas.Alert;
import io.ticklake.schemas.AlertDirection;
import io.ticklake.schemas.AlertKind;
import io.ticklake.schemas.AlertRule;
import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.serde.SpecificAvroSerde;
import io.ticklake.streams.StreamsApp;
import io.ticklake.streams.StreamsAppConfig;
import io.ticklake.streams.testing.ItConfig;
import io.ticklake.streams.testing.KafkaTestIo;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Alert rules and alerts on the real broker and registry, through the shipped host: the host creates the alert
 * topics, a rule written before the start is restored into the global store, one written while running is used
 * once the global thread read it, and each alert is committed once (read_committed), keyed by symbol.
 */
@ExtendWith(LocalPlatformExtension.class)
class AlertsIT {

    @Test
    void rulesWrittenBeforeAndWhileRunningFireOnceEach(TestPlatform platform) throws Exception {
        ItConfig it = new ItConfig(platform, "alerts", 2);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String rulesTopic = "rules-" + suffix;
        String alertsTopic = "alerts-" + suffix;
        Map<String, Object> props = it.instance(Map.of(StreamsAppConfig.ALERT_RULES_TOPIC, rulesTopic,
                StreamsAppConfig.ALERTS_TOPIC, alertsTopic));
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
        String bootstrap = platform.kafkaBootstrapServers();
        try (KafkaProducer<String, Object> producer = KafkaTestIo.tickProducer(bootstrap,
                platform.schemaRegistryUrl())) {
            // written before the start: the topic exists only once the host created it, so create it by starting
            // an instance with alerts, stop it, write the rule, and start again (restore path of the global store)
            try (StreamsApp first = StreamsApp.start(new StreamsAppConfig(props))) {
                // made by the host's starter thread before Kafka Streams starts
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                        .untilAsserted(() -> assertTopics(bootstrap, rulesTopic, alertsTopic));
            }
            producer.send(new ProducerRecord<>(rulesTopic, "up-100", rule("up-100", "AAPL", 100.0,
                    AlertDirection.UP))).get();

            try (StreamsApp app = StreamsApp.start(new StreamsAppConfig(props))) {
                send(producer, it.ticks, tick("AAPL", 99.0, 1, t0, 1));
                send(producer, it.ticks, tick("AAPL", 101.0, 1, t0.plusSeconds(1), 2));

                producer.send(new ProducerRecord<>(rulesTopic, "any-down-50", rule("any-down-50", "*", 50.0,
                        AlertDirection.DOWN))).get();
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(rulesStore(app)
                        .get("any-down-50")).isNotNull());
                send(producer, it.ticks, tick("MSFT", 51.0, 1, t0.plusSeconds(2), 1));
                send(producer, it.ticks, tick("MSFT", 49.0, 1, t0.plusSeconds(3), 2));
                send(producer, it.ticks, tick("AAPL", 102.0, 1, t0.plusSeconds(4), 3));

                List<ConsumerRecord<String, Alert>> alerts = readAlerts(platform, alertsTopic, 2);
                assertThat(alerts).extracting(ConsumerRecord::key, record -> record.value().getRuleId(),
                                record -> record.value().getEventTime())
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("AAPL", "up-100", t0.plusSeconds(1)),
                                org.assertj.core.groups.Tuple.tuple("MSFT", "any-down-50", t0.plusSeconds(3)));
            }
        }
    }

    private static AlertRule rule(String id, String symbol, double level, AlertDirection direction) {
        return AlertRule.newBuilder().setRuleId(id).setSymbol(symbol).setKind(AlertKind.PRICE_CROSS)
                .setLevel(level).setDirection(direction).setCooldownMs(0L).setUpdatedAt(Instant.now()).build();
    }

    private static void send(KafkaProducer<String, Object> producer, String topic, StockTick tick) throws Exception {
        producer.send(new ProducerRecord<>(topic, tick.getSymbol(), tick)).get();
    }

    private static ReadOnlyKeyValueStore<String, byte[]> rulesStore(StreamsApp app) {
        return app.instance().streams().store(StoreQueryParameters.fromNameAndType(AlertTopology.RULES_STORE,
                QueryableStoreTypes.<String, byte[]>keyValueStore()));
    }

    private static List<ConsumerRecord<String, Alert>> readAlerts(TestPlatform platform, String topic, int count) {
        SpecificAvroSerde<Alert> serde = new SpecificAvroSerde<>();
        serde.configure(Map.of("schema.registry.url", platform.schemaRegistryUrl()), false);
        return KafkaTestIo.readUntil(platform.kafkaBootstrapServers(), topic, new StringDeserializer(),
                serde.deserializer(), records -> records.size() >= count, Duration.ofSeconds(60));
    }

    private static void assertTopics(String bootstrap, String rulesTopic, String alertsTopic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ConfigResource rules = new ConfigResource(ConfigResource.Type.TOPIC, rulesTopic);
            assertThat(admin.describeConfigs(List.of(rules)).all().get().get(rules)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            assertThat(admin.describeTopics(List.of(alertsTopic)).allTopicNames().get().get(alertsTopic)
                    .partitions()).as("as many partitions as the ticks topic").hasSize(2);
        }
    }
}
