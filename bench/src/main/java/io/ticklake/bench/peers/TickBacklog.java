package io.ticklake.bench.peers;

import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.serde.AvroSerdeConfig;
import io.ticklake.schemas.serde.KafkaAvroSerializer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Topics and pre-loaded tick backlogs. The windowed-KPI backlog has the shape of streams-app's
 * {@code KpiBenchmark} (symbols {@code B000..}, prices 100 + N(0,1) from seed 42, volume 100 + symbol index,
 * one tick every 5 ms of event time, round-robin over the symbols), so its figures and these compare.
 */
final class TickBacklog {

    /** What to produce: {@code count} ticks, one every {@code spacingNanos} of event time from {@code firstEventMillis}. */
    record Shape(long count, int symbols, long firstEventMillis, long spacingNanos, boolean quotes) {

        double eventSeconds() {
            return count * (spacingNanos / 1e9);
        }
    }

    private TickBacklog() {
    }

    /** Creates the topics (replication 1) and waits until every partition has a leader. */
    static void createTopics(String bootstrap, int partitions, String... names) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            List<NewTopic> topics = new ArrayList<>();
            for (String name : names) {
                topics.add(new NewTopic(name, partitions, (short) 1));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            createAll(admin, topics, deadline);
            // producing before every partition has a leader only costs retries
            while (!haveLeaders(admin, names)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics " + List.of(names) + " have no leaders after 60 s");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    private static boolean haveLeaders(Admin admin, String... names) throws Exception {
        try {
            return admin.describeTopics(List.of(names)).allTopicNames().get().values().stream()
                    .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RetriableException) {
                return false; // created, metadata not there yet
            }
            throw e;
        }
    }

    /** A just-started broker may still answer that it hosts no such partition: retried until the deadline. */
    private static void createAll(Admin admin, List<NewTopic> topics, long deadline) throws Exception {
        List<NewTopic> missing = new ArrayList<>(topics);
        while (true) {
            try {
                admin.createTopics(missing).all().get();
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw e;
                }
                var existing = admin.listTopics().names().get();
                missing.removeIf(topic -> existing.contains(topic.name()));
                if (missing.isEmpty()) {
                    return;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
        }
    }

    /** Produces the backlog; returns the number of records the topic holds afterwards. */
    static long produce(String bootstrap, String registry, String topic, Shape shape) throws Exception {
        Random random = new Random(42);
        AtomicLong failed = new AtomicLong();
        AtomicReference<Exception> firstError = new AtomicReference<>();
        try (KafkaProducer<String, Object> producer = producer(bootstrap, registry, 20)) {
            for (long i = 0; i < shape.count(); i++) {
                int symbol = (int) (i % shape.symbols());
                long eventTime = shape.firstEventMillis() + Math.multiplyExact(i, shape.spacingNanos()) / 1_000_000L;
                StockTick tick = tick(symbol, 100 + random.nextGaussian(), eventTime, i / shape.symbols(), shape.quotes());
                producer.send(new ProducerRecord<>(topic, tick.getSymbol(), tick), (metadata, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                        firstError.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " of " + shape.count() + " ticks could not be produced",
                    firstError.get());
        }
        return endOffsets(bootstrap, topic).values().stream().mapToLong(Long::longValue).sum();
    }

    static Map<Integer, Long> endOffsets(String bootstrap, String topic) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<Integer, Long> result = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> result.put(tp.partition(), info.offset()));
            return result;
        }
    }

    static KafkaProducer<String, Object> producer(String bootstrap, String registry, int lingerMs) {
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry), false);
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, lingerMs, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), values);
    }

    static StockTick tick(int symbol, double price, long eventTime, long sequence, boolean quotes) {
        double rounded = Math.max(0.01, price);
        return StockTick.newBuilder().setSymbol(symbolName(symbol)).setPrice(rounded).setVolume(100 + symbol)
                .setBid(quotes ? rounded - 0.01 : null).setAsk(quotes ? rounded + 0.01 : null)
                .setEventTime(Instant.ofEpochMilli(eventTime)).setSequence(sequence).setSource("BENCH").build();
    }

    static String symbolName(int symbol) {
        return String.format("B%03d", symbol);
    }

    static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }
}
