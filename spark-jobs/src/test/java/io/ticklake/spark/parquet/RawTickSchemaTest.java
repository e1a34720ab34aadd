package io.ticklake.spark.parquet;

import io.ticklake.lake.RawTickColumns;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;

class RawTickSchemaTest {

    private static final String CONTRACT = """
            message anything {
              required binary symbol (STRING);
              required double price;
              required int64 volume;
              optional double bid;
              optional double ask;
              required int64 event_time (TIMESTAMP(MILLIS,true));
              required int64 sequence;
              required binary source (STRING);
              required binary kafka_topic (STRING);
              required int32 kafka_partition;
              required int64 kafka_offset;
              required int64 ingest_time (TIMESTAMP(MILLIS,true));
            }""";

    @Test
    void acceptsTheContractUnderAnyMessageName() {
        assertThat(RawTickSchema.mismatch(MessageTypeParser.parseMessageType(CONTRACT))).isNull();
        assertThat(RawTickSchema.PARQUET.getFieldCount()).isEqualTo(RawTickColumns.ALL.size());
    }

    @Test
    void reportsWhatDiffers() {
        MessageType micros = MessageTypeParser.parseMessageType(
                CONTRACT.replace("event_time (TIMESTAMP(MILLIS,true))", "event_time (TIMESTAMP(MICROS,true))"));
        assertThat(RawTickSchema.mismatch(micros)).contains("column 6").contains("MICROS");
        MessageType optionalSymbol = MessageTypeParser.parseMessageType(
                CONTRACT.replace("required binary symbol", "optional binary symbol"));
        assertThat(RawTickSchema.mismatch(optionalSymbol)).contains("column 1");
        MessageType shorter = MessageTypeParser.parseMessageType(
                CONTRACT.replace("required int64 ingest_time (TIMESTAMP(MILLIS,true));", ""));
        assertThat(RawTickSchema.mismatch(shorter)).contains("has 11 columns");
    }
}
