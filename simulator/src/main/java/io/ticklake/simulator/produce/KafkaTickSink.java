package io.ticklake.simulator.produce;

import io.ticklake.schemas.StockTick;
import io.ticklake.simulator.tick.SinkStats;
import io.ticklake.simulator.tick.TickSink;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces ticks to Kafka, keyed by symbol (so each symbol's ticks stay in order on one partition),
 * with the project's Avro serde. Counts what was sent, acknowledged and lost. A serialization error
 * (the registry refusing the schema) ends the run: every further tick would fail the same way.
 */
public final class KafkaTickSink implements TickSink {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTickSink.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<String, Object> producer;
    private final String topic;
    private final LongAdder sent = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final Callback callback = this::onCompletion;
    private boolean closed;

    public KafkaTickSink(ProducerSettings settings) {
        this(new KafkaProducer<>(settings.producerProperties()), settings.topic());
    }

    /** With a given producer (tests, or callers who build their own). */
    public KafkaTickSink(Producer<String, Object> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    @Override
    public void send(StockTick tick) {
        try {
            producer.send(new ProducerRecord<>(topic, tick.getSymbol(), tick), callback);
            sent.increment();
        } catch (SerializationException e) {
            failed.increment();
            firstError.compareAndSet(null, e.getMessage());
            throw new ProduceException("Cannot serialize ticks for topic '" + topic + "': " + e.getMessage(), e);
        }
    }

    private void onCompletion(RecordMetadata metadata, Exception error) {
        if (error == null) {
            acked.increment();
            return;
        }
        failed.increment();
        if (firstError.compareAndSet(null, error.getClass().getSimpleName() + ": " + error.getMessage())) {
            LOG.error("Delivery to '{}' failed: {}", topic, error.toString());
        }
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public SinkStats stats() {
        return new SinkStats(sent.sum(), acked.sum(), failed.sum(), firstError.get());
    }

    /** Closes the producer once (it flushes first); later calls do nothing. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            producer.close(CLOSE_TIMEOUT);
        }
    }
}
