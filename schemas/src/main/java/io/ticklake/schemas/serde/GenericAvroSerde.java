package io.ticklake.schemas.serde;

import io.ticklake.schemas.registry.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;

/** A Kafka Streams serde for {@link GenericRecord}s in the Confluent wire format. */
public class GenericAvroSerde extends TypedAvroSerde<GenericRecord> {

    public GenericAvroSerde() {
        this(new KafkaAvroSerializer(), new KafkaAvroDeserializer());
    }

    /** With a given registry client, e.g. for tests. */
    public GenericAvroSerde(SchemaRegistryClient registry) {
        this(new KafkaAvroSerializer(registry), new KafkaAvroDeserializer(registry));
    }

    private GenericAvroSerde(KafkaAvroSerializer serializer, KafkaAvroDeserializer deserializer) {
        super(serializer, deserializer, GenericRecord.class);
    }

    @Override
    Map<String, ?> effectiveConfig(Map<String, ?> configs) {
        Map<String, Object> generic = new HashMap<>(configs);
        generic.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, false);
        return generic;
    }
}
