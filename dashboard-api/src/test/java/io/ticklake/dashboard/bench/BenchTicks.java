package io.ticklake.dashboard.bench;

import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.serde.KafkaAvroSerializer;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** The benchmark's tick source: a random walk per symbol, produced asynchronously through the registry. */
final class BenchTicks implements AutoCloseable {

    private static final long MINUTE = 60_000;

    private final String topic;
    private final List<String> symbols;
    private final KafkaProducer<String, Object> producer;
    private final double[] prices;
    private final long[] sequences;
    private final SplittableRandom random = new SplittableRandom(42);

    BenchTicks(String bootstrap, String registry, String topic, List<String> symbols) {
        this.topic = topic;
        this.symbols = symbols;
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(Map.of("schema.registry.url", registry), false);
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 2, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), values);
        this.prices = new double[symbols.size()];
        this.sequences = new long[symbols.size()];
        java.util.Arrays.fill(prices, 100.0);
    }

    /** {@code perMinute} ticks of every symbol in each of the last {@code minutes} minutes, in event-time order. */
    void seedHistory(int minutes, int perMinute) {
        long start = Math.floorDiv(System.currentTimeMillis(), MINUTE) * MINUTE - minutes * MINUTE;
        for (int minute = 0; minute < minutes; minute++) {
            for (int n = 0; n < perMinute; n++) {
                long eventTime = start + minute * MINUTE + n * (MINUTE / perMinute);
                for (int s = 0; s < symbols.size(); s++) {
                    send(s, eventTime);
                }
            }
        }
        producer.flush();
    }

    /** One tick of the {@code n}-th symbol (round robin), stamped now. */
    void sendNow(long n) {
        send((int) (n % symbols.size()), System.currentTimeMillis());
    }

    void flush() {
        producer.flush();
    }

    private void send(int symbol, long eventTime) {
        prices[symbol] = Math.max(1.0, prices[symbol] * (1 + (random.nextDouble() - 0.5) * 0.002));
        StockTick tick = StockTick.newBuilder().setSymbol(symbols.get(symbol)).setPrice(prices[symbol])
                .setVolume(1 + random.nextInt(500)).setBid(null).setAsk(null)
                .setEventTime(java.time.Instant.ofEpochMilli(eventTime)).setSequence(++sequences[symbol])
                .setSource("BENCH").build();
        producer.send(new ProducerRecord<>(topic, tick.getSymbol(), tick));
    }

    @Override
    public void close() {
        producer.close();
    }
}
