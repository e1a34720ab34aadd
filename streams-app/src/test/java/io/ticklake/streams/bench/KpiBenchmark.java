package io.ticklake.streams.bench;

import io.ticklake.infra.bench.BenchRow;
import io.ticklake.infra.bench.RowWriter;
import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.schemas.AlertKind;
import io.ticklake.schemas.AlertRule;
import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.serde.KafkaAvroSerializer;
import io.ticklake.streams.StreamsApp;
import io.ticklake.streams.StreamsAppConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Benchmark harness (not a test) of the KPI application on a broker on this machine:
 *
 * <ol>
 *   <li>sustained throughput: a backlog of ticks is produced first, then the application (EOS,
 *       every window, update and final emission) consumes it; the rate is taken between 10% and
 *       90% of the backlog from the committed offsets, so start-up and rebalance do not count.</li>
 * </ol>
 * Latency is measured open loop on the shipped platform by bench/'s {@code latency} harness, not here.
 *
 * Arguments ({@code key=value}): {@code ticks} (backlog size, 2000000), {@code symbols} (100),
 * {@code partitions} (6), {@code threads} (stream threads, a list runs each: {@code 1,2}; 1), {@code modes} (throughput runs,
 * {@code update,final}), {@code commit.intervals} (throughput runs per commit interval, e.g.
 * {@code 100,1000}; default: the application's), {@code rules} (active alert rules per throughput run, a list runs each:
 * {@code 0,1000}; 0), {@code out} (the rows' JSON-lines file,
 * {@code target/bench-results/streams-app.jsonl}), {@code bootstrap} and {@code registry}
 * (an existing broker and registry; by default the local platform is started on ephemeral
 * ports and stopped at the end). Keys with a dot (e.g. {@code commit.interval.ms=50}) are passed
 * to the application. Prints a table.
 */
public final class KpiBenchmark {

    private static final String HARNESS = "streams-app";

    private final Map<String, String> args;
    private final String bootstrap;
    private final String registry;
    private final List<String> rows = new ArrayList<>();
    private final RowWriter figures;
    private final List<Path> stateDirs = new ArrayList<>();

    private KpiBenchmark(Map<String, String> args, String bootstrap, String registry) {
        this.args = args;
        this.bootstrap = bootstrap;
        this.registry = registry;
        this.figures = new RowWriter(Path.of(args.getOrDefault("out", "target/bench-results/" + HARNESS + ".jsonl")));
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (String arg : argv) {
            String[] pair = arg.split("=", 2);
            args.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        TestPlatform platform = null;
        String bootstrap = args.get("bootstrap");
        String registry = args.get("registry");
        if (bootstrap == null || registry == null) {
            // the broker and registry of the integration tests, on ephemeral ports, stopped at the end
            platform = TestPlatform.isolated();
            bootstrap = platform.kafkaBootstrapServers();
            registry = platform.schemaRegistryUrl();
        }
        KpiBenchmark benchmark = new KpiBenchmark(args, bootstrap, registry);
        try {
            benchmark.run();
        } finally {
            benchmark.deleteStateDirs();
            if (platform != null) {
                platform.close();
            }
        }
        System.exit(0);
    }

    private void run() throws Exception {
        int ticks = intArg("ticks", 2_000_000);
        for (String threadCount : args.getOrDefault("threads", "1").split(",")) {
            int threads = Integer.parseInt(threadCount.trim());
            for (String interval : args.getOrDefault("commit.intervals", "").split(",")) {
                for (String mode : args.getOrDefault("modes", "update,final").split(",")) {
                    for (String rules : args.getOrDefault("rules", "0").split(",")) {
                        if (!mode.isBlank()) {
                            throughput(mode.trim(), ticks, threads, interval.trim(), Integer.parseInt(rules.trim()));
                        }
                    }
                }
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "KPI benchmark: %d cores, %s, broker and registry on this machine,"
                        + " exactly_once_v2, windows 1m+5m+15m+1h, %d symbols, %d partitions%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.version"), intArg("symbols", 100), intArg("partitions", 6));
        System.out.println("| measurement | value |");
        System.out.println("|---|---|");
        rows.forEach(System.out::println);
    }

    private void throughput(String emitMode, int count, int threads, String commitInterval, int rules)
            throws Exception {
        String topic = createTopics("tp-" + emitMode);
        Instant t0 = Instant.now().minus(Duration.ofDays(2));
        long produceStart = System.nanoTime();
        long produced = produceBacklog(topic, count, t0);
        double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
        rows.add(String.format(Locale.ROOT, "| backlog produced for %s mode | %,d ticks in %.1f s |", emitMode, count,
                produceSeconds));

        Map<String, Object> config = appConfig(topic, emitMode, threads, "");
        if (!commitInterval.isEmpty()) {
            config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval);
        }
        produceRules((String) config.get(StreamsAppConfig.ALERT_RULES_TOPIC), rules);
        String label = emitMode + ", " + threads + " thread(s), commit.interval.ms="
                + config.getOrDefault(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, StreamsAppConfig.COMMIT_INTERVAL_MS_DEFAULT)
                + ", " + rules + " alert rules";
        long started = System.nanoTime();
        try (StreamsApp app = StreamsApp.start(new StreamsAppConfig(config));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long at10 = 0;
            long at90 = 0;
            long done = 0;
            long last = -1;
            long lastChange = System.nanoTime();
            while (done == 0) {
                long committed = committed(admin, (String) config.get(StreamsAppConfig.APPLICATION_ID));
                long now = System.nanoTime();
                if (committed != last) {
                    last = committed;
                    lastChange = now;
                }
                if (at10 == 0 && committed >= produced / 10) {
                    at10 = now;
                }
                if (at90 == 0 && committed >= produced * 9L / 10) {
                    at90 = now;
                }
                if (committed >= produced) {
                    done = now;
                }
                KafkaStreams.State state = app.instance().streams().state();
                if (now - lastChange > TimeUnit.SECONDS.toNanos(60) || state.hasCompletedShutdown()) {
                    throw new IllegalStateException("no progress for 60 s at " + committed + " of " + produced
                            + " ticks; state " + state);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
            double sustained = (produced * 0.8) / ((at90 - at10) / 1e9);
            double overall = produced / ((done - started) / 1e9);
            rows.add(String.format(Locale.ROOT, "| sustained throughput, emit %s (10%%..90%% of backlog) | %,.0f ticks/s |",
                    label, sustained));
            String runOf = "emit " + emitMode + ", " + threads + " thread(s), " + rules + " alert rules"
                    + (commitInterval.isEmpty() ? "" : ", commit.interval.ms=" + commitInterval);
            figures.write(BenchRow.figure(HARNESS, "streams-app: throughput sustained (10-90% of backlog), EOS, all windows, "
                    + runOf, sustained, "ticks/s", "≥ 250,000"));
            figures.write(BenchRow.figure(HARNESS, "streams-app: throughput whole backlog incl. start-up, " + runOf,
                    overall, "ticks/s", ""));
            rows.add(String.format(Locale.ROOT, "| whole backlog incl. start-up, emit %s | %,.0f ticks/s (%.1f s) |",
                    label, overall, (done - started) / 1e9));
        }
    }

    /** Produces the backlog; returns how many ticks the topic holds (failed sends are reported). */
    private long produceBacklog(String topic, int count, Instant t0) throws Exception {
        int symbols = intArg("symbols", 100);
        Random random = new Random(42);
        AtomicLong failed = new AtomicLong();
        try (KafkaProducer<String, Object> producer = producer(20)) {
            long baseMs = t0.toEpochMilli();
            for (int i = 0; i < count; i++) {
                int symbol = i % symbols;
                // 5 ms of event time per tick: a 2M backlog spans ~2.8 h, every window size opens and closes
                producer.send(new ProducerRecord<>(topic, symbolName(symbol),
                        tick(symbol, 100 + random.nextGaussian(), baseMs + i * 5L, i / symbols)),
                        (metadata, error) -> {
                            if (error != null) {
                                failed.incrementAndGet();
                            }
                        });
            }
            producer.flush();
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " of " + count + " backlog ticks could not be produced");
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < intArg("partitions", 6); p++) {
                latest.put(new TopicPartition(topic, p), org.apache.kafka.clients.admin.OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        }
    }

    /**
     * {@code count} active alert rules over the benchmark's symbols, every kind in turn, with thresholds that ticks
     * around 100 seldom or never reach: the cost measured is evaluating them, not writing alerts.
     */
    private void produceRules(String topic, int count) throws Exception {
        if (count == 0) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
        }
        int symbols = intArg("symbols", 100);
        AlertKind[] kinds = AlertKind.values();
        try (KafkaProducer<String, Object> producer = producer(5)) {
            for (int i = 0; i < count; i++) {
                AlertKind kind = kinds[i % kinds.length];
                AlertRule.Builder rule = AlertRule.newBuilder().setRuleId("bench-" + i)
                        .setSymbol(symbolName(i % symbols)).setKind(kind).setUpdatedAt(Instant.now());
                switch (kind) {
                    case PRICE_CROSS -> rule.setLevel(200.0 + i);
                    case PERCENT_MOVE -> rule.setLevel(50.0).setWindow("1m");
                    case VOLATILITY_BAND -> rule.setK(20.0).setWindow("5m");
                    case VOLUME_SPIKE -> rule.setK(20.0).setWindow("1m").setLookbackWindows(20);
                    case STALE_FEED -> rule.setStaleSeconds(3600);
                    default -> throw new IllegalStateException(kind.name());
                }
                producer.send(new ProducerRecord<>(topic, "bench-" + i, rule.build()));
            }
            producer.flush();
        }
    }

    private KafkaProducer<String, Object> producer(int lingerMs) {
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(Map.of("schema.registry.url", registry), false);
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, lingerMs, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), values);
    }

    private static StockTick tick(int symbol, double price, long eventTime, long sequence) {
        return StockTick.newBuilder().setSymbol(symbolName(symbol)).setPrice(Math.max(0.01, price))
                .setVolume(100 + symbol).setBid(null).setAsk(null).setEventTime(Instant.ofEpochMilli(eventTime))
                .setSequence(sequence).setSource("BENCH").build();
    }

    private static String symbolName(int symbol) {
        return String.format("B%03d", symbol);
    }

    private String createTopics(String name) throws Exception {
        String suffix = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        int partitions = intArg("partitions", 6);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<String> names = List.of("ticks-" + suffix, "kpis-" + suffix, "dlq-" + suffix);
            admin.createTopics(List.of(new NewTopic(names.get(0), partitions, (short) 1),
                    new NewTopic(names.get(1), partitions, (short) 1),
                    new NewTopic(names.get(2), 1, (short) 1))).all().get();
            // producing before every partition has a leader only costs retries and out-of-order errors
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!admin.describeTopics(names).allTopicNames().get().values().stream()
                    .allMatch(description -> description.partitions().stream().allMatch(p -> p.leader() != null))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics " + names + " have no leaders after 30 s");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
        return "ticks-" + suffix;
    }

    private Map<String, Object> appConfig(String ticksTopic, String emitMode, int threads, String server)
            throws Exception {
        String suffix = ticksTopic.substring("ticks-".length());
        Path stateDir = Files.createTempDirectory("kpi-bench-state-");
        stateDirs.add(stateDir);
        Map<String, Object> config = new HashMap<>();
        config.put(StreamsAppConfig.BOOTSTRAP_SERVERS, bootstrap);
        config.put(StreamsAppConfig.SCHEMA_REGISTRY_URL, registry);
        config.put(StreamsAppConfig.APPLICATION_ID, "bench-" + suffix);
        config.put(StreamsAppConfig.TICKS_TOPIC, ticksTopic);
        config.put(StreamsAppConfig.KPIS_TOPIC, "kpis-" + suffix);
        config.put(StreamsAppConfig.DLQ_TOPIC, "dlq-" + suffix);
        config.put(StreamsAppConfig.ALERT_RULES_TOPIC, "rules-" + suffix);
        config.put(StreamsAppConfig.ALERTS_TOPIC, "alerts-" + suffix);
        config.put(StreamsAppConfig.STATE_DIR, stateDir.toString());
        config.put(StreamsAppConfig.EMIT_MODE, emitMode);
        config.put(StreamsAppConfig.NUM_STREAM_THREADS, threads);
        config.put(StreamsAppConfig.APPLICATION_SERVER, server);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        // every other setting is the application's default (exactly_once_v2, commit.interval.ms=1000, 10 MB cache)
        args.forEach((key, value) -> {
            if (key.contains(".")) {
                config.put(key, value);
            }
        });
        return config;
    }

    private void deleteStateDirs() {
        for (Path dir : stateDirs) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (java.io.IOException | RuntimeException e) {
                System.err.println("could not delete " + dir + ": " + e);
            }
        }
    }

    private long committed(Admin admin, String groupId) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get();
        return offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
    }

    private int intArg(String name, int defaultValue) {
        return Integer.parseInt(args.getOrDefault(name, Integer.toString(defaultValue)));
    }
}
