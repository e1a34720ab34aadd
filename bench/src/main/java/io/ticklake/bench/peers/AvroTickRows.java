package io.ticklake.bench.peers;

import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.serde.AvroSerdeConfig;
import io.ticklake.schemas.serde.KafkaAvroDeserializer;
import io.ticklake.spark.parquet.RawTickSchema;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Decodes the Kafka source's rows (Confluent-wire Avro values) into the raw lake columns with the project's
 * {@link KafkaAvroDeserializer}, as the spark-jobs backfill does: one deserializer per registry URL and
 * executor JVM, so the registry is asked once per schema id. {@code ingest_time} is the Kafka timestamp.
 * The benchmark topics hold only valid ticks: anything else fails the batch.
 */
final class AvroTickRows implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;
    private static final Map<String, KafkaAvroDeserializer> BY_REGISTRY = new ConcurrentHashMap<>();

    private final String registryUrl;

    private AvroTickRows(String registryUrl) {
        this.registryUrl = registryUrl;
    }

    /** @param kafka the Kafka source's dataset; returns it decoded to {@link RawTickSchema#SPARK} */
    static Dataset<Row> decode(Dataset<Row> kafka, String registryUrl) {
        return kafka.select("value", "topic", "partition", "offset", "timestamp")
                .mapPartitions(new AvroTickRows(registryUrl), Encoders.row(RawTickSchema.SPARK));
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        KafkaAvroDeserializer deserializer = BY_REGISTRY.computeIfAbsent(registryUrl, AvroTickRows::create);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return input.hasNext();
            }

            @Override
            public Row next() {
                Row record = input.next();
                String topic = record.getString(1);
                Object decoded = deserializer.deserialize(topic, (byte[]) record.get(0));
                if (!(decoded instanceof StockTick tick)) {
                    throw new IllegalStateException("not a StockTick at " + topic + "/" + record.getInt(2) + "@"
                            + record.getLong(3));
                }
                return RowFactory.create(tick.getSymbol(), tick.getPrice(), tick.getVolume(), tick.getBid(),
                        tick.getAsk(), tick.getEventTime(), tick.getSequence(), tick.getSource(), topic,
                        record.getInt(2), record.getLong(3), instant(record.get(4)));
            }
        };
    }

    private static Instant instant(Object timestamp) {
        return timestamp instanceof Instant instant ? instant : ((Timestamp) timestamp).toInstant();
    }

    private static KafkaAvroDeserializer create(String registryUrl) {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return deserializer;
    }
}
