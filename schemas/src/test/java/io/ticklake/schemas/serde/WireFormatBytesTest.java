package io.ticklake.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.registry.InMemorySchemaRegistryClient;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Proves the Confluent wire format byte for byte against a hand-built array. */
class WireFormatBytesTest {

    @Test
    void stockTickIsMagicByteThenBigEndianIdThenAvroBinary() {
        InMemorySchemaRegistryClient registry = InMemorySchemaRegistryClient.forScope("wire-bytes");
        // occupy ids 1..41 so the tick's schema gets id 42 = 0x0000002A
        for (int i = 1; i <= 41; i++) {
            registry.register("filler-" + i, org.apache.avro.SchemaBuilder.record("Filler" + i).fields()
                    .requiredInt("f").endRecord());
        }
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(registry);
        serializer.configure(java.util.Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://wire-bytes"), false);

        StockTick tick = StockTick.newBuilder()
                .setSymbol("AAPL").setPrice(1.5).setVolume(100).setBid(null).setAsk(2.0)
                .setEventTime(Instant.ofEpochMilli(1000)).setSequence(7).setSource("SIM").build();

        byte[] expected = {
            0x00,                                           // magic byte
            0x00, 0x00, 0x00, 0x2A,                         // schema id 42, big-endian
            0x08, 'A', 'A', 'P', 'L',                       // symbol: zigzag length 4, UTF-8
            0, 0, 0, 0, 0, 0, (byte) 0xF8, 0x3F,            // price 1.5, IEEE-754 little-endian
            (byte) 0xC8, 0x01,                              // volume 100: zigzag 200 as varint
            0x00,                                           // bid: union branch 0 (null)
            0x02, 0, 0, 0, 0, 0, 0, 0, 0x40,                // ask: union branch 1, 2.0
            (byte) 0xD0, 0x0F,                              // event_time 1000 ms: zigzag 2000
            0x0E,                                           // sequence 7: zigzag 14
            0x06, 'S', 'I', 'M'                             // source: zigzag length 3, UTF-8
        };

        assertThat(serializer.serialize("stock-ticks", tick)).containsExactly(expected);
        InMemorySchemaRegistryClient.dropScope("wire-bytes");
    }
}
