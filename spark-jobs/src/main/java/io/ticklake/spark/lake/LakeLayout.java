package io.ticklake.spark.lake;

import io.ticklake.lake.LakeUri;
import io.ticklake.lake.RawLayout;

/**
 * The raw table of a lake as Hadoop (Spark) addresses it: {@code file:/…} or {@code s3a://…}, whatever
 * form of the lake URI the user gave. The layout itself is the lake contract's ({@link RawLayout}).
 */
public final class LakeLayout implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final String root;

    private LakeLayout(String root) {
        this.root = root;
    }

    /** The layout of the lake at {@code lake}. */
    public static LakeLayout of(String lake) {
        String root = LakeUri.parse(lake).hadoopUri("");
        return new LakeLayout(root.endsWith("/") ? root.substring(0, root.length() - 1) : root);
    }

    public String root() {
        return root;
    }

    /** {@code <lake>/raw/stock_ticks}. */
    public String rawTable() {
        return root + "/" + RawLayout.RAW_TABLE;
    }

    /** {@code <lake>/raw/stock_ticks/year=…/month=…/day=…/hour=…}. */
    public String rawHour(HourPartition hour) {
        return root + "/" + RawLayout.hourDirectory(hour.start());
    }

    @Override
    public String toString() {
        return root;
    }
}
