package io.ticklake.bench.openloop;

import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.serde.KafkaAvroSerializer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Offers ticks at a fixed rate, round robin over the symbols, whatever the platform does: tick
 * {@code i} is due at {@code start + i / rate}, carries that moment as its event time, and is recorded
 * in the ledger with it before it is sent. A producer that falls behind sends late ticks at once; their
 * latency still counts from when they were due (no coordinated omission).
 */
public final class OpenLoopProducer implements AutoCloseable {

    private final KafkaProducer<String, Object> producer;
    private final String topic;
    private final List<String> symbols;
    private final TickLedger ledger;
    private final double[] prices;
    private final long[] sequences;
    private final SplittableRandom random = new SplittableRandom(7);

    public OpenLoopProducer(String bootstrap, String registryUrl, String topic, List<String> symbols, TickLedger ledger) {
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(Map.of("schema.registry.url", registryUrl), false);
        // the simulator's producer settings (what ./ticklake run produces with): lz4, 5 ms linger, idempotent
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024), new StringSerializer(), values);
        this.topic = topic;
        this.symbols = List.copyOf(symbols);
        this.ledger = ledger;
        this.prices = new double[symbols.size()];
        this.sequences = new long[symbols.size()];
        java.util.Arrays.fill(prices, 100.0);
    }

    /** What was offered, and when the last tick left the producer (flushed): a rate below the offered one means it fell behind. */
    public record Offered(long ticks, long flushedNanos) {
    }

    /**
     * Offers {@code rate} ticks/s from {@code startNanos} (wall clock {@code startMillis}) until the time
     * {@code endNanos} holds, which may be set while ticks are offered.
     */
    public Offered offer(int rate, long startNanos, long startMillis, AtomicLong endNanos) {
        FixedRateSchedule schedule = new FixedRateSchedule(rate, startNanos, endNanos::get);
        for (long due = schedule.awaitNext(); due >= 0; due = schedule.awaitNext()) {
            int symbol = (int) ((schedule.count() - 1) % symbols.size());
            long eventTimeMs = startMillis + (due - startNanos) / 1_000_000;
            ledger.offered(symbols.get(symbol), eventTimeMs, due);
            producer.send(new ProducerRecord<>(topic, symbols.get(symbol), tick(symbol, eventTimeMs)));
        }
        producer.flush();
        return new Offered(schedule.count(), System.nanoTime());
    }

    private StockTick tick(int symbol, long eventTimeMs) {
        prices[symbol] = Math.max(1.0, prices[symbol] * (1 + (random.nextDouble() - 0.5) * 0.002));
        return StockTick.newBuilder().setSymbol(symbols.get(symbol)).setPrice(prices[symbol])
                .setVolume(1 + random.nextInt(500)).setBid(null).setAsk(null)
                .setEventTime(Instant.ofEpochMilli(eventTimeMs)).setSequence(++sequences[symbol])
                .setSource("BENCH").build();
    }

    @Override
    public void close() {
        producer.close();
    }
}
