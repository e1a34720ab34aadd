package io.ticklake.spark.compaction;

import org.apache.spark.unsafe.types.UTF8String;

/**
 * One row group of a raw file, column by column, as {@link RawColumnReader} reads it, in Spark's units
 * (timestamps in microseconds). The holder is reused from group to group, so its values are valid until
 * the next group is read.
 */
final class RawRowGroup {

    int rows;
    /** Per row, the symbol group ({@link SymbolGroups}) its symbol belongs to. */
    int[] symbolGroup = new int[0];
    /** Strings are shared instances of the file's dictionary values where its pages are dictionary-encoded. */
    UTF8String[] symbol;
    /** Per row, its symbol's id in {@link #symbolDictionary}, or -1 for a value of a plain page. */
    int[] symbolId;
    /** The values of the row group's symbol dictionary, by id (empty without one). */
    UTF8String[] symbolDictionary = new UTF8String[0];
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
        if (symbolGroup.length >= rows) {
            return;
        }
        symbolGroup = new int[rows];
        symbol = new UTF8String[rows];
        symbolId = new int[rows];
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
