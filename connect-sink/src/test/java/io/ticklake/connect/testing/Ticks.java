package io.ticklake.connect.testing;

import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.serde.KafkaAvroSerializer;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;

/** Builds ticks, their Confluent-wire bytes (through the project's serializer) and SinkRecords. */
public final class Ticks {

    public static final String TOPIC = "stock-ticks";

    private final KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    private final String registryUrl;

    /** @param registryUrl e.g. {@code mock://test-name} for an in-memory registry */
    public Ticks(String registryUrl) {
        this.registryUrl = registryUrl;
        serializer.configure(Map.of("schema.registry.url", registryUrl), false);
    }

    public String registryUrl() {
        return registryUrl;
    }

    public static StockTick tick(String symbol, Instant eventTime, long sequence) {
        return StockTick.newBuilder().setSymbol(symbol).setPrice(100.0 + sequence % 50).setVolume(10 + sequence % 7)
                .setBid(sequence % 3 == 0 ? null : 99.5).setAsk(sequence % 3 == 0 ? null : 100.5)
                .setEventTime(eventTime).setSequence(sequence).setSource("SIMULATOR").build();
    }

    /** Any Avro value (a StockTick or a GenericRecord of another schema version) as wire bytes. */
    public byte[] bytes(Object value) {
        return serializer.serialize(TOPIC, value);
    }

    /** A record of {@code value}, keyed by its symbol when it is an Avro record (as the contract wants). */
    public SinkRecord record(int partition, long offset, Object value, long timestampMs) {
        byte[] bytes = value == null ? null : value instanceof byte[] raw ? raw : bytes(value);
        String key = value instanceof GenericRecord avro ? String.valueOf(avro.get("symbol")) : "key";
        return new SinkRecord(TOPIC, partition, Schema.OPTIONAL_STRING_SCHEMA, key, Schema.OPTIONAL_BYTES_SCHEMA,
                bytes, offset, timestampMs, TimestampType.CREATE_TIME);
    }

    /** A tick record whose Kafka timestamp is its event time plus 5 ms. */
    public SinkRecord tickRecord(int partition, long offset, String symbol, Instant eventTime) {
        return record(partition, offset, tick(symbol, eventTime, offset), eventTime.toEpochMilli() + 5);
    }
}
