package io.ticklake.spark.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.serde.AvroSerdeConfig;
import io.ticklake.schemas.serde.KafkaAvroSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class TickDecoderTest {

    private static final String REGISTRY = "mock://tick-decoder";
    private static final byte[] KEY = "ACME".getBytes(StandardCharsets.UTF_8);
    private static final long PRODUCED = Instant.parse("2026-11-20T14:00:00Z").toEpochMilli();
    private static final long LIMIT = 10_000;

    @Test
    void validTickDecodes() {
        StockTick tick = tick(101.5);

        assertThat(decode(KEY, tick, PRODUCED)).isEqualTo(tick);
    }

    @Test
    void decodableTickThatBreaksTheContractIsRefusedWithTheRule() {
        assertThatThrownBy(() -> decode(KEY, tick(-199.9), PRODUCED))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("breaks the StockTick contract")
                .hasMessageContaining("price -199.9");
    }

    /** The same rules as the streams app and the sink: the key is the symbol, the future is the record's. */
    @Test
    void recordKeyedOtherwiseOrAheadOfItsTimestampIsRefused() {
        assertThatThrownBy(() -> decode("OTHER".getBytes(StandardCharsets.UTF_8), tick(1), PRODUCED))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("record key 'OTHER' is not the tick's symbol 'ACME'");
        assertThatThrownBy(() -> decode(null, tick(1), PRODUCED)).hasMessageContaining("record key is missing");
        assertThatThrownBy(() -> decode(KEY, tick(1), PRODUCED - LIMIT - 1))
                .hasMessageContaining("more than 10000 ms ahead of the record's timestamp");
        assertThat(decode(KEY, tick(1), PRODUCED - LIMIT)).isEqualTo(tick(1));
    }

    private static StockTick decode(byte[] key, StockTick tick, long recordTimestampMs) {
        return TickDecoder.decode(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, REGISTRY,
                AvroSerdeConfig.SPECIFIC_AVRO_READER, "true"), "stock-ticks", key, encode(tick), recordTimestampMs, LIMIT);
    }

    private static byte[] encode(StockTick tick) {
        try (KafkaAvroSerializer serializer = new KafkaAvroSerializer()) {
            serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, REGISTRY), false);
            return serializer.serialize("stock-ticks", tick);
        }
    }

    private static StockTick tick(double price) {
        return StockTick.newBuilder().setSymbol("ACME").setPrice(price).setVolume(10)
                .setEventTime(Instant.parse("2026-11-20T14:00:00Z")).setSequence(1).setSource("SIMULATOR").build();
    }
}
