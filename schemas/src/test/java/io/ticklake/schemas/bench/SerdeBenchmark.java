package io.ticklake.schemas.bench;

import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.registry.InMemorySchemaRegistryClient;
import io.ticklake.schemas.serde.AvroSerdeConfig;
import io.ticklake.schemas.serde.KafkaAvroDeserializer;
import io.ticklake.schemas.serde.KafkaAvroSerializer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Serialize and deserialize throughput of {@link StockTick} in the Confluent wire format with the
 * schema-id cache warm, one thread (= one core). Run with {@code ./ticklake bench schemas}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class SerdeBenchmark {

    private static final String TOPIC = "stock-ticks";

    private KafkaAvroSerializer serializer;
    private KafkaAvroDeserializer specificDeserializer;
    private StockTick tick;
    private byte[] payload;

    @Setup
    public void setUp() {
        Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://bench",
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        specificDeserializer = new KafkaAvroDeserializer();
        specificDeserializer.configure(config, false);
        tick = StockTick.newBuilder().setSymbol("AAPL").setPrice(189.43).setVolume(300).setBid(189.42)
                .setAsk(189.44).setEventTime(Instant.parse("2026-11-20T14:30:00.123Z")).setSequence(123_456)
                .setSource("SIMULATOR").build();
        payload = serializer.serialize(TOPIC, tick);
        specificDeserializer.deserialize(TOPIC, payload);
    }

    @Benchmark
    public byte[] serialize() {
        return serializer.serialize(TOPIC, tick);
    }

    @Benchmark
    public Object deserialize() {
        return specificDeserializer.deserialize(TOPIC, payload);
    }
}
