package io.ticklake.schemas.serde;

import io.ticklake.schemas.registry.SchemaRegistryClient;
import io.ticklake.schemas.registry.SchemaRegistryClients;
import io.ticklake.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Deserializes the Confluent wire format into {@code GenericRecord}s, or into the generated
 * {@code SpecificRecord} classes when {@code specific.avro.reader=true}. The writer schema is
 * fetched by id once and cached. Every malformed payload fails with a {@link SerializationException}
 * that says what is wrong (truncated, wrong magic byte, unknown schema id, corrupt Avro) and for
 * which topic, so a Streams app can route it to a dead-letter queue with that reason.
 */
public class KafkaAvroDeserializer implements Deserializer<Object> {

    private static final ThreadLocal<BinaryDecoder> DECODER = new ThreadLocal<>();

    private SchemaRegistryClient registry;
    private boolean specificReader = AvroSerdeConfig.SPECIFIC_AVRO_READER_DEFAULT;
    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    /** For Kafka, which calls {@link #configure}. */
    public KafkaAvroDeserializer() {
    }

    /** With a given registry client; {@link #configure} then only reads the serde options. */
    public KafkaAvroDeserializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        this.specificReader = config.specificAvroReader();
        if (registry == null) {
            registry = SchemaRegistryClients.create(config.registryUrls(), config::registrySettings,
                    config.latestCacheTtl());
        }
    }

    /** Forces specific-record reading regardless of configuration (used by {@link SpecificAvroSerde}). */
    void useSpecificReader() {
        this.specificReader = true;
    }

    @Override
    public Object deserialize(String topic, byte[] payload) {
        if (payload == null) {
            return null;
        }
        if (registry == null) {
            throw new SerializationException("KafkaAvroDeserializer is not configured: set "
                    + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        }
        int schemaId = WireFormat.schemaId(topic, payload);
        DatumReader<Object> reader = readerFor(schemaId, topic);
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(payload, WireFormat.HEADER_SIZE,
                    payload.length - WireFormat.HEADER_SIZE, DECODER.get());
            DECODER.set(decoder);
            return AvroSchemas.normalize(reader.read(null, decoder));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Truncated or corrupt Avro payload on topic '" + topic + "' (schema id "
                    + schemaId + ", " + payload.length + " bytes): " + e, e);
        }
    }

    private DatumReader<Object> readerFor(int schemaId, String topic) {
        DatumReader<Object> reader = readers.get(schemaId);
        if (reader != null) {
            return reader;
        }
        Schema writerSchema;
        try {
            writerSchema = registry.getById(schemaId);
        } catch (SchemaRegistryException e) {
            String what = e.isNotFound() ? "Unknown schema id " + schemaId : "Cannot fetch schema id " + schemaId;
            throw new SerializationException(what + " on topic '" + topic + "': " + e.getMessage(), e);
        }
        reader = specificReader ? specificReader(writerSchema, topic) : new GenericDatumReader<>(writerSchema);
        readers.put(schemaId, reader);
        return reader;
    }

    @SuppressWarnings("unchecked")
    private static DatumReader<Object> specificReader(Schema writerSchema, String topic) {
        if (writerSchema.getType() != Schema.Type.RECORD) {
            return new GenericDatumReader<>(writerSchema);
        }
        Class<?> generated = SpecificData.get().getClass(writerSchema);
        if (generated == null) {
            throw new SerializationException("No generated class " + writerSchema.getFullName()
                    + " on the classpath for specific.avro.reader=true (topic '" + topic + "')");
        }
        Schema readerSchema = SpecificData.get().getSchema(generated);
        return (DatumReader<Object>) (DatumReader<?>) new SpecificDatumReader<>(writerSchema, readerSchema);
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
    }
}
