package io.ticklake.connect.format;

import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/** Writes one field of a flat row; a null value leaves an optional field out, as Parquet expects. */
final class RowFields {

    private RowFields() {
    }

    static void string(RecordConsumer out, String name, int index, CharSequence value) {
        if (value != null) {
            out.startField(name, index);
            out.addBinary(Binary.fromString(value.toString()));
            out.endField(name, index);
        }
    }

    static void float64(RecordConsumer out, String name, int index, Double value) {
        if (value != null) {
            out.startField(name, index);
            out.addDouble(value);
            out.endField(name, index);
        }
    }

    static void int64(RecordConsumer out, String name, int index, Long value) {
        if (value != null) {
            out.startField(name, index);
            out.addLong(value);
            out.endField(name, index);
        }
    }
}
