package io.ticklake.spark.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.serde.AvroSerdeConfig;
import io.ticklake.schemas.serde.KafkaAvroSerializer;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class TickDecoderTest {

    private static final String REGISTRY = "mock://tick-decoder";

    @Test
    void validTickDecodes() {
        StockTick tick = tick(101.5);

        assertThat(TickDecoder.decode(REGISTRY, "stock-ticks", encode(tick))).isEqualTo(tick);
    }

    @Test
    void decodableTickThatBreaksTheContractIsRefusedWithTheRule() {
        assertThatThrownBy(() -> TickDecoder.decode(REGISTRY, "stock-ticks", encode(tick(-199.9))))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("breaks the StockTick contract")
                .hasMessageContaining("price -199.9");
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
