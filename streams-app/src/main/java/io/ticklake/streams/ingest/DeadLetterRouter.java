package io.ticklake.streams.ingest;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Turns a rejected tick back into its original value bytes, appends the {@link DlqHeaders} (error,
 * stage, source coordinates) to its original headers and counts it in {@link DlqMetrics}. The
 * record is timestamped with the wall clock at rejection: a tick rejected for an absurd event time
 * must not carry that time into the DLQ topic's retention.
 */
public final class DeadLetterRouter implements FixedKeyProcessor<String, CheckedTick, byte[]> {

    private FixedKeyProcessorContext<String, byte[]> context;
    private DlqMetrics metrics;

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
        context.forward(record.withValue(rejected.rawValue())
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
