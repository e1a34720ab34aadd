package io.ticklake.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: magic byte 0, the schema id as a 4-byte big-endian int, then the Avro
 * binary encoding of the record.
 */
final class WireFormat {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** Returns the schema id of a payload, or throws naming the topic and what is wrong with it. */
    static int schemaId(String topic, byte[] payload) {
        if (payload.length < HEADER_SIZE) {
            throw new SerializationException("Truncated payload on topic '" + topic + "': " + payload.length
                    + " bytes, but the Confluent wire format needs at least " + HEADER_SIZE
                    + " (magic byte 0 and a 4-byte schema id)");
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format("Unknown magic byte 0x%02x on topic '%s': expected 0x00,"
                    + " the payload is not in the Confluent wire format", payload[0] & 0xff, topic));
        }
        return ((payload[1] & 0xff) << 24) | ((payload[2] & 0xff) << 16) | ((payload[3] & 0xff) << 8)
                | (payload[4] & 0xff);
    }

    /** Writes the 5-byte header for {@code schemaId}. */
    static void writeHeader(ByteSink sink, int schemaId) {
        sink.write(MAGIC_BYTE);
        sink.write(schemaId >>> 24);
        sink.write(schemaId >>> 16);
        sink.write(schemaId >>> 8);
        sink.write(schemaId);
    }
}
