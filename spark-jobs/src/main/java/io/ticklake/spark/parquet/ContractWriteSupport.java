package io.ticklake.spark.parquet;

import io.ticklake.lake.RawTickColumns;
import java.util.HashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * A writer of the raw contract's layout ({@link RawTickSchema#PARQUET}): the schema and the per-field
 * calls every row type shares; subclasses read their row type's columns in contract order.
 */
abstract class ContractWriteSupport<T> extends WriteSupport<T> {

    private RecordConsumer consumer;

    @Override
    public final WriteContext init(Configuration configuration) {
        return new WriteContext(RawTickSchema.PARQUET, new HashMap<>());
    }

    @Override
    public final WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(RawTickSchema.PARQUET, new HashMap<>());
    }

    @Override
    public final void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    final void startRow() {
        consumer.startMessage();
    }

    final void endRow() {
        consumer.endMessage();
    }

    final void binaryField(int index, Binary value) {
        String name = RawTickColumns.ALL.get(index);
        consumer.startField(name, index);
        consumer.addBinary(value);
        consumer.endField(name, index);
    }

    final void doubleField(int index, double value) {
        String name = RawTickColumns.ALL.get(index);
        consumer.startField(name, index);
        consumer.addDouble(value);
        consumer.endField(name, index);
    }

    final void longField(int index, long value) {
        String name = RawTickColumns.ALL.get(index);
        consumer.startField(name, index);
        consumer.addLong(value);
        consumer.endField(name, index);
    }

    final void intField(int index, int value) {
        String name = RawTickColumns.ALL.get(index);
        consumer.startField(name, index);
        consumer.addInteger(value);
        consumer.endField(name, index);
    }

    static IllegalArgumentException requiredNull(int index) {
        return new IllegalArgumentException("Required column " + RawTickColumns.ALL.get(index) + " is null");
    }
}
