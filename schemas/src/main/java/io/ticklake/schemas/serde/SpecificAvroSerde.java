package io.ticklake.schemas.serde;

import io.ticklake.schemas.registry.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * A Kafka Streams serde for generated Avro classes in the Confluent wire format; it always reads
 * into the generated class.
 *
 * @param <T> the generated record class
 */
public class SpecificAvroSerde<T extends SpecificRecord> extends TypedAvroSerde<T> {

    public SpecificAvroSerde() {
        this(new KafkaAvroSerializer(), new KafkaAvroDeserializer());
    }

    /** With a given registry client, e.g. for tests. */
    public SpecificAvroSerde(SchemaRegistryClient registry) {
        this(new KafkaAvroSerializer(registry), new KafkaAvroDeserializer(registry));
    }

    @SuppressWarnings("unchecked")
    private SpecificAvroSerde(KafkaAvroSerializer serializer, KafkaAvroDeserializer deserializer) {
        super(serializer, deserializer, (Class<T>) (Class<?>) SpecificRecord.class);
        deserializer.useSpecificReader();
    }

    @Override
    Map<String, ?> effectiveConfig(Map<String, ?> configs) {
        Map<String, Object> specific = new HashMap<>(configs);
        specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        return specific;
    }
}
