package io.ticklake.streams.host;

import io.ticklake.streams.StreamsAppConfig;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a failed send does. A DLQ record the broker or producer rejects as too large is answered
 * CONTINUE with an error naming its source and sizes, and counted: under {@code at_least_once} it is
 * dropped and the ticks behind it go on. A KPI (or any other) record too large is our own bug and fails
 * the thread, logged as such; every other error is Kafka Streams' default decision.
 *
 * <p>This is not what keeps an oversized dead letter from being fatal: Kafka Streams 4.1 lets a handler
 * only continue, fail or retry, not send a replacement record, and under {@code exactly_once_v2} a
 * rejected send has already made the producer's transaction abortable, so the next send fails the
 * thread whatever the handler answers. The topology therefore cuts DLQ records to the limit found at
 * start ({@code DlqTruncation}, {@code DlqRecordLimit}), inside the transaction. This handler only
 * matters when that limit is wrong (the topic's {@code max.message.bytes} lowered while running).
 */
public final class DlqProductionExceptionHandler implements ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DlqProductionExceptionHandler.class);
    private static final AtomicLong DROPPED = new AtomicLong();

    private final DefaultProductionExceptionHandler fallback = new DefaultProductionExceptionHandler();
    private String dlqTopic = StreamsAppConfig.DLQ_TOPIC_DEFAULT;

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(StreamsAppConfig.DLQ_TOPIC);
        if (topic != null) {
            dlqTopic = topic.toString();
        }
        fallback.configure(configs);
    }

    @Override
    public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                                     Exception exception) {
        if (!(exception instanceof RecordTooLargeException)) {
            return fallback.handle(context, record, exception);
        }
        String source = context.topic() + "-" + context.partition() + "@" + context.offset();
        int valueBytes = record.value() == null ? 0 : record.value().length;
        if (dlqTopic.equals(record.topic())) {
            long dropped = DROPPED.incrementAndGet();
            LOG.error("Dead letter of {} (value {} bytes) is too large for {} and is dropped ({} since start): the"
                    + " topic's max.message.bytes or the producer's max.request.size is below {}; lower that setting"
                    + " to match", source, valueBytes, record.topic(), dropped, StreamsAppConfig.DLQ_MAX_RECORD_BYTES,
                    exception);
            return ProductionExceptionHandlerResponse.CONTINUE;
        }
        LOG.error("Output record for {} from {} (value {} bytes) is too large; this is a bug of the topology, not of"
                + " the input: failing the stream thread", record.topic(), source, valueBytes, exception);
        return ProductionExceptionHandlerResponse.FAIL;
    }

    /** DLQ records dropped as too large in this JVM since it started. */
    public static long droppedDeadLetters() {
        return DROPPED.get();
    }
}
