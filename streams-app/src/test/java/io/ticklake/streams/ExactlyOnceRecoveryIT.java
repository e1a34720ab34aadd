package io.ticklake.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.schemas.Alert;
import io.ticklake.schemas.AlertDirection;
import io.ticklake.schemas.AlertKind;
import io.ticklake.schemas.AlertRule;
import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.WindowKpi;
import io.ticklake.schemas.serde.SpecificAvroSerde;
import io.ticklake.streams.testing.ChildStreamsProcess;
import io.ticklake.streams.testing.ExpectedKpis;
import io.ticklake.streams.testing.ItConfig;
import io.ticklake.streams.testing.KafkaTestIo;
import io.ticklake.streams.testing.TickScript;
import io.ticklake.streams.testing.Ticks;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kill -9 an instance while ticks flow, restart it on the same state directory: the committed
 * {@code stock-kpis} (read_committed, final-only emission) hold exactly one KPI per closed window,
 * equal to the KPIs computed independently from the input, and the committed alerts hold exactly one
 * alert per crossing of the rules' levels, computed independently too.
 */
@ExtendWith(LocalPlatformExtension.class)
class ExactlyOnceRecoveryIT {

    static final Map<String, Long> WINDOWS = TwoInstancesQueryIT.WINDOWS;

    @Test
    void aKilledInstanceResumesWithoutDuplicateOrMissingKpis(TestPlatform platform) throws Exception {
        ItConfig it = new ItConfig(platform, "eos", 6);
        Path stateDir = ItConfig.tempDir("eos-state-");
        Path log = ItConfig.tempDir("eos-log-").resolve("streams.log");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String rulesTopic = "eos-rules-" + suffix;
        String alertsTopic = "eos-alerts-" + suffix;
        Map<String, Object> props = it.instance(Map.of(
                StreamsAppConfig.EMIT_MODE, "final",
                StreamsAppConfig.GRACE_MS, 1_000L,
                StreamsAppConfig.STATE_DIR, stateDir.toString(),
                StreamsAppConfig.ALERT_RULES_TOPIC, rulesTopic,
                StreamsAppConfig.ALERTS_TOPIC, alertsTopic,
                StreamsConfig.InternalConfig.EMIT_INTERVAL_MS_KSTREAMS_WINDOWED_AGGREGATION, 0L));

        Instant t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        List<String> symbols = TickScript.symbols(6);
        List<StockTick> ticks = TickScript.minutes(symbols, t0, 0, 59, 10, 7);
        Map<String, WindowKpi> expected = ExpectedKpis.compute(ticks, WINDOWS);
        // one more tick per symbol, 30 s into minute 60, closes every window up to minute 59
        List<StockTick> closing = symbols.stream().map(symbol -> Ticks.tick(symbol, 100.0, 1,
                t0.plus(Duration.ofMinutes(60)).plusSeconds(30), 1_000_000)).toList();

        // a rule per symbol at its mean price, either way, no cool-down: it fires all the time, across the kill
        List<AlertRule> rules = new ArrayList<>();
        for (int s = 0; s < symbols.size(); s++) {
            rules.add(AlertRule.newBuilder().setRuleId("cross-" + symbols.get(s)).setSymbol(symbols.get(s))
                    .setKind(AlertKind.PRICE_CROSS).setDirection(AlertDirection.EITHER).setLevel(100.0 + s)
                    .setCooldownMs(0L).setUpdatedAt(Instant.now()).build());
        }
        List<StockTick> all = new ArrayList<>(ticks);
        all.addAll(closing);
        Set<String> expectedAlerts = expectedCrossings(all, rules);
        assertThat(expectedAlerts).as("crossings in the script").hasSizeGreaterThan(100);
        createAlertTopics(platform.kafkaBootstrapServers(), rulesTopic, alertsTopic);

        ChildStreamsProcess first = null;
        ChildStreamsProcess second = null;
        try (KafkaProducer<String, Object> producer = KafkaTestIo.tickProducer(platform.kafkaBootstrapServers(),
                platform.schemaRegistryUrl())) {
            for (AlertRule rule : rules) {
                producer.send(new ProducerRecord<>(rulesTopic, rule.getRuleId(), rule)).get();
            }
            first = ChildStreamsProcess.start(props, log);
            sendMinutes(producer, it.ticks, ticks, 0, 29, null, 0);
            KafkaTestIo.readKpis(platform.kafkaBootstrapServers(), platform.schemaRegistryUrl(), it.kpis,
                    kpis -> kpis.size() >= 20, Duration.ofSeconds(120));

            AtomicInteger minutesSent = new AtomicInteger();
            CompletableFuture<Void> flowing = CompletableFuture.runAsync(
                    () -> sendMinutes(producer, it.ticks, ticks, 30, 59, minutesSent, 100));
            await().atMost(Duration.ofSeconds(60)).until(() -> minutesSent.get() >= 10);
            first.kill();
            assertThat(first.isAlive()).isFalse();
            second = ChildStreamsProcess.start(props, log);
            flowing.get(60, TimeUnit.SECONDS);
            for (StockTick tick : closing) {
                producer.send(new ProducerRecord<>(it.ticks, tick.getSymbol(), tick));
            }
            producer.flush();

            List<WindowKpi> committed = KafkaTestIo.readKpis(platform.kafkaBootstrapServers(),
                    platform.schemaRegistryUrl(), it.kpis,
                    kpis -> kpis.stream().map(ExpectedKpis::key).collect(Collectors.toSet())
                            .containsAll(expected.keySet()), Duration.ofSeconds(180));

            Map<String, Long> copies = committed.stream().collect(Collectors.groupingBy(ExpectedKpis::key,
                    Collectors.counting()));
            assertThat(copies.entrySet()).as("KPIs emitted more than once").filteredOn(e -> e.getValue() > 1)
                    .isEmpty();
            assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
            Map<String, WindowKpi> byKey = committed.stream().collect(Collectors.toMap(ExpectedKpis::key,
                    Function.identity()));
            // every miscounted window at once: which windows are off tells a replay from a double merge
            assertThat(expected.entrySet()).as("KPIs whose trade count differs from the recomputation")
                    .filteredOn(e -> e.getValue().getTradeCount() != byKey.get(e.getKey()).getTradeCount())
                    .extracting(e -> e.getKey() + "=" + byKey.get(e.getKey()).getTradeCount())
                    .isEmpty();
            expected.forEach((key, want) -> ExpectedKpis.assertSameKpi(byKey.get(key), want));
            assertThat(committed).hasSize(symbols.size() * (60 + 12 + 4 + 1));

            // every crossing alerted exactly once, none lost or repeated by the kill (read_committed)
            SpecificAvroSerde<Alert> alerts = new SpecificAvroSerde<>();
            alerts.configure(Map.of("schema.registry.url", platform.schemaRegistryUrl()), false);
            Map<String, Long> alerted = KafkaTestIo.readUntil(platform.kafkaBootstrapServers(), alertsTopic,
                            new StringDeserializer(), alerts.deserializer(),
                            records -> records.size() >= expectedAlerts.size(), Duration.ofSeconds(120)).stream()
                    .collect(Collectors.groupingBy(record -> record.value().getSymbol() + "@"
                            + record.value().getEventTime(), Collectors.counting()));
            assertThat(alerted.entrySet()).as("alerts committed more than once").filteredOn(e -> e.getValue() > 1)
                    .isEmpty();
            assertThat(alerted.keySet()).containsExactlyInAnyOrderElementsOf(expectedAlerts);
        } finally {
            if (first != null) {
                first.kill();
            }
            if (second != null) {
                second.close();
            }
        }
    }

    /** {@code symbol@event_time} of every tick that crosses its symbol's level, computed from the ticks in order. */
    private static Set<String> expectedCrossings(List<StockTick> ticks, List<AlertRule> rules) {
        Map<String, Double> levels = rules.stream().collect(Collectors.toMap(AlertRule::getSymbol, AlertRule::getLevel));
        Map<String, Double> previous = new HashMap<>();
        Set<String> crossings = new HashSet<>();
        for (StockTick tick : ticks) {
            double level = levels.get(tick.getSymbol());
            Double before = previous.put(tick.getSymbol(), tick.getPrice());
            if (before != null && ((before < level && tick.getPrice() >= level)
                    || (before > level && tick.getPrice() <= level))) {
                crossings.add(tick.getSymbol() + "@" + tick.getEventTime());
            }
        }
        return crossings;
    }

    private static void createAlertTopics(String bootstrap, String rulesTopic, String alertsTopic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(
                    new NewTopic(rulesTopic, 1, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                            TopicConfig.CLEANUP_POLICY_COMPACT)),
                    new NewTopic(alertsTopic, 6, (short) 1))).all().get();
        }
    }

    /** Sends the ticks of minutes [from, to] in order, minute by minute, pausing {@code pauseMs} between minutes. */
    private static void sendMinutes(KafkaProducer<String, Object> producer, String topic, List<StockTick> ticks,
                                    int from, int to, AtomicInteger minutesSent, long pauseMs) {
        Instant t0 = ticks.get(0).getEventTime();
        for (int minute = from; minute <= to; minute++) {
            Instant start = t0.plus(Duration.ofMinutes(minute));
            Instant end = start.plus(Duration.ofMinutes(1));
            List<StockTick> batch = new ArrayList<>();
            for (StockTick tick : ticks) {
                if (!tick.getEventTime().isBefore(start) && tick.getEventTime().isBefore(end)) {
                    batch.add(tick);
                }
            }
            batch.forEach(tick -> producer.send(new ProducerRecord<>(topic, tick.getSymbol(), tick)));
            producer.flush();
            if (minutesSent != null) {
                minutesSent.incrementAndGet();
            }
            if (pauseMs > 0) {
                // paces the flow so that the kill lands while ticks are still arriving
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pauseMs));
            }
        }
    }
}
