package io.ticklake.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;

/** The Avro schema of a value handed to the serializer: records carry theirs, primitives map to Avro's. */
final class AvroSchemas {

    private static final Schema NULL = Schema.create(Schema.Type.NULL);
    private static final Schema BOOLEAN = Schema.create(Schema.Type.BOOLEAN);
    private static final Schema INT = Schema.create(Schema.Type.INT);
    private static final Schema LONG = Schema.create(Schema.Type.LONG);
    private static final Schema FLOAT = Schema.create(Schema.Type.FLOAT);
    private static final Schema DOUBLE = Schema.create(Schema.Type.DOUBLE);
    private static final Schema STRING = Schema.create(Schema.Type.STRING);
    private static final Schema BYTES = Schema.create(Schema.Type.BYTES);

    private AvroSchemas() {
    }

    static Schema schemaOf(Object value, String topic) {
        if (value instanceof GenericContainer container) {
            return container.getSchema();
        }
        if (value == null) {
            return NULL;
        }
        if (value instanceof CharSequence) {
            return STRING;
        }
        if (value instanceof Integer) {
            return INT;
        }
        if (value instanceof Long) {
            return LONG;
        }
        if (value instanceof Double) {
            return DOUBLE;
        }
        if (value instanceof Float) {
            return FLOAT;
        }
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (value instanceof byte[] || value instanceof ByteBuffer) {
            return BYTES;
        }
        throw new SerializationException("Cannot serialize a " + value.getClass().getName() + " for topic '" + topic
                + "': expected an Avro record (SpecificRecord or GenericRecord) or an Avro primitive");
    }

    /** Avro hands strings back as {@link Utf8}; callers of a primitive string schema expect String. */
    static Object normalize(Object decoded) {
        return decoded instanceof Utf8 ? decoded.toString() : decoded;
    }

    static Object wrapBytes(Object value) {
        return value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value;
    }
}
