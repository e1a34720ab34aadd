package io.ticklake.streams.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The key serde of {@code stock-ticks} and of its dead-letter queue. Symbols are ASCII, where this
 * reads and writes the same bytes as the UTF-8 {@code StringSerde} producers use; it maps bytes to
 * chars one to one (ISO-8859-1) so that a key which is not valid UTF-8 still reaches the DLQ as the
 * exact bytes it arrived with, and never fails to deserialize.
 */
public final class SymbolKeySerde implements Serde<String>, Serializer<String>, Deserializer<String> {

    @Override
    public byte[] serialize(String topic, String key) {
        return key == null ? null : key.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public String deserialize(String topic, byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Override
    public Serializer<String> serializer() {
        return this;
    }

    @Override
    public Deserializer<String> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure
    }

    @Override
    public void close() {
    }
}
