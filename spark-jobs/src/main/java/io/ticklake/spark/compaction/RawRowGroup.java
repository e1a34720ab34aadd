package io.ticklake.spark.compaction;

import org.apache.spark.unsafe.types.UTF8String;

/**
 * One row group of a raw file, column by column, as {@link RawColumnReader} reads it, in Spark's units
 * (timestamps in microseconds). Only the rows marked {@link #kept} are read past their symbol; the holder
 * is reused from group to group, so its values are valid until the next group is read.
 */
final class RawRowGroup {

    int rows;
    boolean[] kept = new boolean[0];
    /** Strings are shared instances of the file's dictionary values where its pages are dictionary-encoded. */
    UTF8String[] symbol;
    double[] price;
    long[] volume;
    double[] bid;
    boolean[] bidNull;
    double[] ask;
    boolean[] askNull;
    long[] eventTime;
    long[] sequence;
    UTF8String[] source;
    UTF8String[] topic;
    int[] partition;
    long[] offset;
    long[] ingestTime;

    void reset(int rows) {
        this.rows = rows;
        if (kept.length >= rows) {
            return;
        }
        kept = new boolean[rows];
        symbol = new UTF8String[rows];
        price = new double[rows];
        volume = new long[rows];
        bid = new double[rows];
        bidNull = new boolean[rows];
        ask = new double[rows];
        askNull = new boolean[rows];
        eventTime = new long[rows];
        sequence = new long[rows];
        source = new UTF8String[rows];
        topic = new UTF8String[rows];
        partition = new int[rows];
        offset = new long[rows];
        ingestTime = new long[rows];
    }
}
