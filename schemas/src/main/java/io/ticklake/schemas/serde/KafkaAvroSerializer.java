package io.ticklake.schemas.serde;

import io.ticklake.schemas.registry.RegisteredSchema;
import io.ticklake.schemas.registry.SchemaRegistryClient;
import io.ticklake.schemas.registry.SchemaRegistryClients;
import io.ticklake.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes Avro records (specific or generic) and primitives into the Confluent wire format,
 * registering or looking up the schema under the TopicNameStrategy subject ({@code <topic>-value}
 * or {@code <topic>-key}). Schema ids are cached, so after the first record of a schema the hot path
 * makes no registry call. Thread-safe, as a producer's serializer must be.
 */
public class KafkaAvroSerializer implements Serializer<Object> {

    private static final ThreadLocal<Encoding> ENCODING = ThreadLocal.withInitial(Encoding::new);

    private SchemaRegistryClient registry;
    private boolean isKey;
    private boolean autoRegister = AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_DEFAULT;
    private boolean useLatestVersion = AvroSerdeConfig.USE_LATEST_VERSION_DEFAULT;
    private final Map<Schema, DatumWriter<Object>> specificWriters = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> genericWriters = new ConcurrentHashMap<>();
    private final Map<TopicSchema, Target> targets = new ConcurrentHashMap<>();
    private volatile Target lastTarget;

    /** For Kafka, which calls {@link #configure}. */
    public KafkaAvroSerializer() {
    }

    /** With a given registry client; {@link #configure} then only reads the serde options. */
    public KafkaAvroSerializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        this.isKey = isKey;
        this.autoRegister = config.autoRegisterSchemas();
        this.useLatestVersion = config.useLatestVersion();
        if (registry == null) {
            registry = SchemaRegistryClients.create(config.registryUrls(), config::registrySettings,
                    config.latestCacheTtl());
        }
    }

    @Override
    public byte[] serialize(String topic, Object record) {
        if (record == null) {
            return null;
        }
        if (registry == null) {
            throw new SerializationException("KafkaAvroSerializer is not configured: set "
                    + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        }
        Schema schema = AvroSchemas.schemaOf(record, topic);
        Target target = targetFor(topic, schema);
        Object datum = target.projected() ? project(record, schema, target.schema(), topic)
                : AvroSchemas.wrapBytes(record);
        Encoding encoding = ENCODING.get();
        encoding.sink.reset();
        WireFormat.writeHeader(encoding.sink, target.id());
        try {
            encoding.encoder = EncoderFactory.get().directBinaryEncoder(encoding.sink, encoding.encoder);
            writerFor(target.schema(), datum).write(datum, encoding.encoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot serialize a record for topic '" + topic + "' with schema id "
                    + target.id() + ": " + e.getMessage(), e);
        }
        return encoding.sink.toByteArray();
    }

    /** The id and writer schema for records of {@code schema} on {@code topic}; cached after the first call. */
    private Target targetFor(String topic, Schema schema) {
        Target last = lastTarget;
        if (last != null && last.recordSchema() == schema && last.topic().equals(topic)) {
            return last;
        }
        Target target = targets.computeIfAbsent(new TopicSchema(topic, schema), key -> resolve(topic, schema));
        lastTarget = target;
        return target;
    }

    private Target resolve(String topic, Schema schema) {
        String subject = TopicNameStrategy.subject(topic, isKey);
        try {
            if (useLatestVersion) {
                RegisteredSchema latest = registry.getLatest(subject);
                boolean same = latest.schema().equals(schema);
                if (!same) {
                    requireReadable(latest.schema(), schema, subject);
                }
                return new Target(topic, schema, latest.id(), latest.schema(), !same);
            }
            int id = autoRegister ? registry.register(subject, schema) : registry.getId(subject, schema);
            return new Target(topic, schema, id, schema, false);
        } catch (SchemaRegistryException e) {
            String action = useLatestVersion ? "looking up the latest schema" : autoRegister
                    ? "registering the Avro schema" : "looking up the Avro schema";
            throw new SerializationException("Error " + action + " for subject '" + subject + "' (topic '" + topic
                    + "'): " + e.getMessage(), e);
        }
    }

    private static void requireReadable(Schema latest, Schema recordSchema, String subject) {
        SchemaCompatibility.SchemaPairCompatibility pair =
                SchemaCompatibility.checkReaderWriterCompatibility(latest, recordSchema);
        if (pair.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new SerializationException("The latest schema of subject '" + subject + "' cannot represent"
                    + " records of schema " + recordSchema.getFullName() + ": " + pair.getResult().getIncompatibilities());
        }
    }

    /** Rewrites a record into the latest schema (filling defaults) through Avro's schema resolution. */
    private Object project(Object record, Schema recordSchema, Schema latest, String topic) {
        try {
            ByteSink sink = new ByteSink();
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(sink, null);
            writerFor(recordSchema, record).write(record, encoder);
            byte[] bytes = sink.toByteArray();
            return new GenericDatumReader<>(recordSchema, latest)
                    .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot project a record for topic '" + topic + "' onto the latest"
                    + " schema: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private DatumWriter<Object> writerFor(Schema schema, Object datum) {
        if (datum instanceof SpecificRecord) {
            return specificWriters.computeIfAbsent(schema,
                    key -> (DatumWriter<Object>) (DatumWriter<?>) new SpecificDatumWriter<>(key));
        }
        return genericWriters.computeIfAbsent(schema, key -> new GenericDatumWriter<>(key, GenericData.get()));
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
    }

    private record TopicSchema(String topic, Schema schema) {
    }

    /**
     * @param recordSchema the schema the records carry
     * @param schema       the schema they are written with (the latest one when projected)
     */
    private record Target(String topic, Schema recordSchema, int id, Schema schema, boolean projected) {
    }

    private static final class Encoding {
        private final ByteSink sink = new ByteSink();
        private BinaryEncoder encoder;
    }
}
