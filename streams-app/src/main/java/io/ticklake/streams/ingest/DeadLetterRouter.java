package io.ticklake.streams.ingest;

import io.ticklake.schemas.contract.DlqHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a rejected tick back into its original value bytes, appends the {@link DlqHeaders} (error,
 * stage, source coordinates) to its original headers and counts it in {@link DlqMetrics}. The
 * record is timestamped with the wall clock at rejection: a tick rejected for an absurd event time
 * must not carry that time into the DLQ topic's retention. A record over the DLQ's record size limit
 * is cut to fit ({@link DlqTruncation}) and counted as truncated.
 */
public final class DeadLetterRouter implements FixedKeyProcessor<String, CheckedTick, byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterRouter.class);

    private final int maxRecordBytes;
    private FixedKeyProcessorContext<String, byte[]> context;
    private DlqMetrics metrics;

    /** A router whose records fit {@code maxRecordBytes} (the DLQ topic's and the producer's limit). */
    public DeadLetterRouter(int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, byte[]> context) {
        this.context = context;
        this.metrics = new DlqMetrics(context.metrics(), context.taskId());
    }

    @Override
    public void process(FixedKeyRecord<String, CheckedTick> record) {
        CheckedTick rejected = record.value();
        Headers headers = new RecordHeaders(record.headers().toArray());
        add(headers, DlqHeaders.ERROR_CLASS, rejected.errorClass());
        add(headers, DlqHeaders.ERROR_MESSAGE, rejected.errorMessage());
        add(headers, DlqHeaders.STAGE, rejected.rejectedAt().label());
        context.recordMetadata().ifPresent(source -> addSource(headers, source));
        metrics.record(rejected.rejectedAt());
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.ISO_8859_1);
        byte[] value = DlqTruncation.fit(key, rejected.rawValue(), headers, maxRecordBytes);
        if (value != rejected.rawValue()) {
            metrics.recordTruncated();
            LOG.warn("Dead letter from {} truncated from {} to {} bytes to fit the DLQ's limit of {} bytes",
                    context.recordMetadata().map(source -> source.topic() + "-" + source.partition() + "@"
                            + source.offset()).orElse("(unknown)"),
                    rejected.rawValue().length, value.length, maxRecordBytes);
        }
        context.forward(record.withValue(value)
                .withHeaders(headers)
                .withTimestamp(context.currentSystemTimeMs()));
    }

    private static void addSource(Headers headers, RecordMetadata source) {
        add(headers, DlqHeaders.SOURCE_TOPIC, source.topic());
        add(headers, DlqHeaders.SOURCE_PARTITION, Integer.toString(source.partition()));
        add(headers, DlqHeaders.SOURCE_OFFSET, Long.toString(source.offset()));
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        if (metrics != null) {
            metrics.close();
        }
    }
}
