package io.ticklake.dashboard.testing;

import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.serde.KafkaAvroSerializer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces ticks (Avro through the real registry) and raw poison records to a test's ticks topic. */
public final class TickProducer implements AutoCloseable {

    private final String topic;
    private final KafkaProducer<String, Object> ticks;
    private final KafkaProducer<byte[], byte[]> raw;
    private final AtomicLong sequence = new AtomicLong();

    public TickProducer(String bootstrap, String registryUrl, String topic) {
        this.topic = topic;
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0);
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(Map.of("schema.registry.url", registryUrl), false);
        this.ticks = new KafkaProducer<>(config, new StringSerializer(), values);
        this.raw = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public static StockTick tick(String symbol, double price, long volume, Instant eventTime, long sequence) {
        return StockTick.newBuilder().setSymbol(symbol).setPrice(price).setVolume(volume).setBid(null).setAsk(null)
                .setEventTime(eventTime).setSequence(sequence).setSource("TEST").build();
    }

    /** Sends one tick and waits for the broker's acknowledgement; returns it. */
    public StockTick send(String symbol, double price, long volume, Instant eventTime) {
        StockTick tick = tick(symbol, price, volume, eventTime, sequence.incrementAndGet());
        try {
            ticks.send(new ProducerRecord<>(topic, symbol, tick)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot produce " + tick, e.getCause());
        }
        return tick;
    }

    /** Sends {@code tick} again, as a retrying producer would (same symbol and sequence), and waits for the acknowledgement. */
    public void resend(StockTick tick) {
        try {
            ticks.send(new ProducerRecord<>(topic, tick.getSymbol(), tick)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot produce " + tick, e.getCause());
        }
    }

    /** Sends bytes that are no Avro record, which the topology dead-letters. */
    public void sendPoison(String symbol) {
        try {
            raw.send(new ProducerRecord<>(topic, symbol.getBytes(), new byte[] {7, 7, 7})).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        ticks.close();
        raw.close();
    }
}
