package io.ticklake.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.WindowKpi;
import io.ticklake.schemas.registry.InMemorySchemaRegistryClient;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Serde behaviour on an in-memory registry: round trips, evolution and every kind of bad payload. */
class KafkaAvroSerdeTest {

    private static final String SCOPE = "serde-test";
    private static final String TOPIC = "stock-ticks";

    @AfterEach
    void forgetRegistry() {
        InMemorySchemaRegistryClient.dropScope(SCOPE);
    }

    @Test
    void specificRecordRoundTripsIntoTheGeneratedClass() {
        StockTick tick = tick("MSFT", 412.25, 7);
        byte[] bytes = serializer(Map.of()).serialize(TOPIC, tick);

        Object read = deserializer(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true)).deserialize(TOPIC, bytes);

        assertThat(read).isInstanceOf(StockTick.class).isEqualTo(tick);
    }

    @Test
    void genericReaderGetsAGenericRecordWithTheSameFields() {
        byte[] bytes = serializer(Map.of()).serialize(TOPIC, tick("MSFT", 412.25, 7));

        GenericRecord read = (GenericRecord) deserializer(Map.of()).deserialize(TOPIC, bytes);

        assertThat(read).isNotInstanceOf(StockTick.class);
        assertThat(read.get("symbol")).hasToString("MSFT");
        assertThat(read.get("price")).isEqualTo(412.25);
        assertThat(read.get("event_time")).isEqualTo(1_700_000_000_000L);
    }

    @Test
    void specificAvroSerdeRoundTripsWindowKpi() {
        try (SpecificAvroSerde<WindowKpi> serde = new SpecificAvroSerde<>()) {
            serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE), false);
            WindowKpi kpi = WindowKpi.newBuilder().setSymbol("IBM").setWindow("1m")
                    .setWindowStart(Instant.ofEpochMilli(60_000)).setWindowEnd(Instant.ofEpochMilli(120_000))
                    .setOpen(1).setHigh(3).setLow(0.5).setClose(2).setAvg(1.5).setVwap(1.6).setVolume(10)
                    .setTradeCount(4).setStddev(0.9).setLastEventTime(Instant.ofEpochMilli(119_000)).build();

            byte[] bytes = serde.serializer().serialize("stock-kpis", kpi);

            assertThat(serde.deserializer().deserialize("stock-kpis", bytes)).isEqualTo(kpi);
        }
    }

    @Test
    void primitivesRoundTrip() {
        KafkaAvroSerializer keys = new KafkaAvroSerializer();
        keys.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE), true);
        KafkaAvroDeserializer keyReader = new KafkaAvroDeserializer();
        keyReader.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE), true);

        assertThat(keyReader.deserialize(TOPIC, keys.serialize(TOPIC, "AAPL"))).isEqualTo("AAPL");
        assertThat(keyReader.deserialize("counts", keys.serialize("counts", 42L))).isEqualTo(42L);
        assertThat(InMemorySchemaRegistryClient.forScope(SCOPE).getLatest("stock-ticks-key")).isNotNull();
    }

    @Test
    void nullStaysNull() {
        assertThat(serializer(Map.of()).serialize(TOPIC, null)).isNull();
        assertThat(deserializer(Map.of()).deserialize(TOPIC, null)).isNull();
    }

    @Test
    void wrongMagicByteIsNamedWithTheTopic() {
        byte[] bytes = serializer(Map.of()).serialize(TOPIC, tick("MSFT", 1, 1));
        bytes[0] = 7;

        assertThatThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte 0x07")
                .hasMessageContaining("'" + TOPIC + "'");
    }

    @Test
    void payloadShorterThanTheHeaderIsTruncated() {
        assertThatThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Truncated payload")
                .hasMessageContaining("3 bytes")
                .hasMessageContaining(TOPIC);
    }

    @Test
    void avroBodyCutShortIsTruncatedOrCorrupt() {
        byte[] bytes = serializer(Map.of()).serialize(TOPIC, tick("MSFT", 1, 1));
        byte[] cut = Arrays.copyOf(bytes, 12);

        assertThatThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, cut))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Truncated or corrupt Avro payload")
                .hasMessageContaining(TOPIC);
    }

    @Test
    void unknownSchemaIdIsNamed() {
        byte[] bytes = {0, 0, 0, 0x30, 0x39, 2, 'A'};

        assertThatThrownBy(() -> deserializer(Map.of()).deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown schema id 12345")
                .hasMessageContaining(TOPIC);
    }

    @Test
    void incompatibleSchemaIsRefusedWithTheReason() throws IOException {
        serializer(Map.of()).serialize(TOPIC, tick("MSFT", 1, 1));
        GenericRecord incompatible = new GenericData.Record(resourceSchema("/avro/StockTick-incompatible.avsc"));
        fill(incompatible);
        incompatible.put("exchange", "XNAS");

        assertThatThrownBy(() -> serializer(Map.of()).serialize(TOPIC, incompatible))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("stock-ticks-value")
                .hasMessageContaining("incompatible")
                .hasMessageContaining("exchange");
    }

    @Test
    void oldReaderReadsDataWrittenWithTheEvolvedSchema() throws IOException {
        GenericRecord v2 = new GenericData.Record(resourceSchema("/avro/StockTick-v2.avsc"));
        fill(v2);
        v2.put("exchange", "XNAS");
        serializer(Map.of()).serialize(TOPIC, tick("MSFT", 1, 1)); // v1 first, then the compatible v2
        byte[] bytes = serializer(Map.of()).serialize(TOPIC, v2);

        StockTick read = (StockTick) deserializer(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true))
                .deserialize(TOPIC, bytes);

        assertThat(read.getSymbol()).isEqualTo("MSFT");
        assertThat(read.getPrice()).isEqualTo(10.5);
    }

    @Test
    void useLatestVersionWritesOldRecordsWithTheLatestSchemaAndItsDefaults() throws IOException {
        Schema v2 = resourceSchema("/avro/StockTick-v2.avsc");
        InMemorySchemaRegistryClient registry = InMemorySchemaRegistryClient.forScope(SCOPE);
        registry.register("stock-ticks-value", StockTick.getClassSchema());
        int v2Id = registry.register("stock-ticks-value", v2);

        byte[] bytes = serializer(Map.of(AvroSerdeConfig.USE_LATEST_VERSION, true,
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false)).serialize(TOPIC, tick("MSFT", 3, 9));

        assertThat(WireFormat.schemaId(TOPIC, bytes)).isEqualTo(v2Id);
        GenericRecord read = (GenericRecord) deserializer(Map.of()).deserialize(TOPIC, bytes);
        assertThat(read.getSchema()).isEqualTo(v2);
        assertThat(read.get("exchange")).isNull();
        assertThat(read.get("sequence")).isEqualTo(9L);
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaFailsNamingTheSubject() {
        assertThatThrownBy(() -> serializer(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false))
                .serialize(TOPIC, tick("MSFT", 1, 1)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("looking up the Avro schema for subject 'stock-ticks-value'");
    }

    @Test
    void unsupportedSubjectStrategyIsRejectedWithTheAllowedValues() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        assertThatThrownBy(() -> serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://x",
                AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "com.example.RecordNameStrategy"), false))
                .hasMessageContaining("value.subject.name.strategy")
                .hasMessageContaining("TopicNameStrategy");
    }

    private static StockTick tick(String symbol, double price, long sequence) {
        return StockTick.newBuilder().setSymbol(symbol).setPrice(price).setVolume(100).setBid(price - 0.01)
                .setAsk(price + 0.01).setEventTime(Instant.ofEpochMilli(1_700_000_000_000L))
                .setSequence(sequence).setSource("SIMULATOR").build();
    }

    private static void fill(GenericRecord record) {
        record.put("symbol", new Utf8("MSFT"));
        record.put("price", 10.5);
        record.put("volume", 5L);
        record.put("bid", null);
        record.put("ask", null);
        record.put("event_time", 1_700_000_000_000L);
        record.put("sequence", 1L);
        record.put("source", "REPLAY");
    }

    static Schema resourceSchema(String path) throws IOException {
        try (InputStream in = KafkaAvroSerdeTest.class.getResourceAsStream(path)) {
            return new Schema.Parser().parse(in);
        }
    }

    private static KafkaAvroSerializer serializer(Map<String, Object> extra) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config(extra), false);
        return serializer;
    }

    private static KafkaAvroDeserializer deserializer(Map<String, Object> extra) {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(config(extra), false);
        return deserializer;
    }

    private static Map<String, Object> config(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);
        return config;
    }
}
