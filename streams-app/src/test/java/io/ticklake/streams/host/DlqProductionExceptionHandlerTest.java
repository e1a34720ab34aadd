package io.ticklake.streams.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.streams.StreamsAppConfig;
import io.ticklake.schemas.contract.DlqHeaders;
import io.ticklake.streams.ingest.DlqTruncation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.ProductionExceptionHandlerResponse;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/** The handler's decision per topic and error, and the truncation that keeps DLQ records under the limit. */
class DlqProductionExceptionHandlerTest {

    private static final String DLQ = "my-dlq";

    @Test
    void aDeadLetterTooLargeIsDroppedNotFatal() {
        DlqProductionExceptionHandler handler = handler();
        long before = DlqProductionExceptionHandler.droppedDeadLetters();
        assertThat(handler.handle(context(), record(DLQ, 5000), new RecordTooLargeException("too large")))
                .isEqualTo(ProductionExceptionHandlerResponse.CONTINUE);
        assertThat(DlqProductionExceptionHandler.droppedDeadLetters()).isEqualTo(before + 1);
    }

    @Test
    void aKpiTooLargeFails() {
        assertThat(handler().handle(context(), record("stock-kpis", 5000), new RecordTooLargeException("too large")))
                .isEqualTo(ProductionExceptionHandlerResponse.FAIL);
    }

    @Test
    void otherErrorsKeepKafkaStreamsDefaults() {
        assertThat(handler().handle(context(), record(DLQ, 10), new IllegalArgumentException("boom")))
                .isEqualTo(ProductionExceptionHandlerResponse.FAIL);
        assertThat(handler().handle(context(), record(DLQ, 10), new TimeoutException("slow")))
                .isEqualTo(ProductionExceptionHandlerResponse.RETRY);
    }

    @Test
    void theAppConfiguresItForItsDlqTopic() {
        StreamsAppConfig config = new StreamsAppConfig(Map.of(StreamsAppConfig.BOOTSTRAP_SERVERS, "127.0.0.1:1",
                StreamsAppConfig.SCHEMA_REGISTRY_URL, "mock://handler", StreamsAppConfig.DLQ_TOPIC, DLQ));
        Map<String, Object> props = new java.util.HashMap<>();
        config.streamsProperties().forEach((key, value) -> props.put(key.toString(), value));
        assertThat(props.get("production.exception.handler")).isEqualTo(DlqProductionExceptionHandler.class);
        DlqProductionExceptionHandler handler = new DlqProductionExceptionHandler();
        handler.configure(props);
        assertThat(handler.handle(context(), record(DLQ, 5000), new RecordTooLargeException("too large")))
                .isEqualTo(ProductionExceptionHandlerResponse.CONTINUE);
    }

    @Test
    void anOversizedValueIsCutToFitWithItsSizeAndHash() throws Exception {
        byte[] key = "AAPL".getBytes(StandardCharsets.UTF_8);
        byte[] value = new byte[8192];
        new Random(6).nextBytes(value);
        Headers headers = new RecordHeaders();
        headers.add(DlqHeaders.ERROR_MESSAGE, "Unknown magic byte".getBytes(StandardCharsets.UTF_8));

        byte[] cut = DlqTruncation.fit(key, value, headers, 2048);

        assertThat(cut.length).isPositive().isLessThan(2048);
        assertThat(cut).isEqualTo(Arrays.copyOf(value, cut.length));
        assertThat(DlqTruncation.sizeUpperBound(key, cut, headers)).isLessThanOrEqualTo(2048);
        assertThat(text(headers, DlqHeaders.TRUNCATED)).isEqualTo("true");
        assertThat(text(headers, DlqHeaders.ORIGINAL_SIZE)).isEqualTo("8192");
        assertThat(text(headers, DlqHeaders.ORIGINAL_SHA256))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value)));
        assertThat(text(headers, DlqHeaders.ERROR_MESSAGE)).isEqualTo("Unknown magic byte");
    }

    @Test
    void aValueThatFitsIsLeftAlone() {
        byte[] value = new byte[1000];
        Headers headers = new RecordHeaders();
        assertThat(DlqTruncation.fit(null, value, headers, 2048)).isSameAs(value);
        assertThat(headers.toArray()).isEmpty();
        assertThat(DlqTruncation.fit(null, null, headers, 2048)).isNull();
    }

    @Test
    void headersLargerThanTheLimitLeaveAnEmptyValue() {
        Headers headers = new RecordHeaders();
        headers.add(DlqHeaders.ERROR_MESSAGE, new byte[3000]);
        byte[] cut = DlqTruncation.fit(null, new byte[100], headers, 2048);
        assertThat(cut).isEmpty();
        assertThat(text(headers, DlqHeaders.ORIGINAL_SIZE)).isEqualTo("100");
    }

    @Test
    void theBoundIsNotBelowWhatKafkaWrites() {
        byte[] key = "AAPL".getBytes(StandardCharsets.UTF_8);
        byte[] value = new byte[1500];
        Headers headers = new RecordHeaders();
        headers.add("dlq.error.class", "x".repeat(200).getBytes(StandardCharsets.UTF_8));
        int exact = org.apache.kafka.common.record.AbstractRecords.estimateSizeInBytesUpperBound(
                org.apache.kafka.common.record.RecordBatch.CURRENT_MAGIC_VALUE,
                org.apache.kafka.common.record.CompressionType.NONE, key, value, headers.toArray());
        assertThat(DlqTruncation.sizeUpperBound(key, value, headers)).isGreaterThanOrEqualTo(exact);
    }

    private static DlqProductionExceptionHandler handler() {
        DlqProductionExceptionHandler handler = new DlqProductionExceptionHandler();
        handler.configure(Map.of(StreamsAppConfig.DLQ_TOPIC, DLQ));
        return handler;
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, int valueBytes) {
        Serializer<byte[]> bytes = new ByteArraySerializer();
        return new ProducerRecord<>(topic, bytes.serialize(topic, "AAPL".getBytes(StandardCharsets.UTF_8)),
                new byte[valueBytes]);
    }

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            public String topic() {
                return "stock-ticks";
            }

            public int partition() {
                return 0;
            }

            public long offset() {
                return 42;
            }

            public Headers headers() {
                return new RecordHeaders();
            }

            public String processorNodeId() {
                return "dlq";
            }

            public TaskId taskId() {
                return new TaskId(0, 0);
            }

            public long timestamp() {
                return 0;
            }

            public byte[] sourceRawKey() {
                return null;
            }

            public byte[] sourceRawValue() {
                return null;
            }
        };
    }

    private static String text(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
