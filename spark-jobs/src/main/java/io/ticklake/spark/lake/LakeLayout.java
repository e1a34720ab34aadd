package io.ticklake.spark.lake;

import java.net.URI;

/**
 * Where the tables of a lake live. The lake is a URI ({@code file:///…}, {@code s3a://bucket[/prefix]} or
 * {@code s3://…}); the layout is the same on every store.
 */
public final class LakeLayout implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public static final String TABLE = "stock_ticks";
    public static final String MANIFEST_NAME = "_manifest.json";

    private final String root;

    private LakeLayout(String root) {
        this.root = root;
    }

    /** The layout of the lake at {@code lake}; a trailing slash is ignored. */
    public static LakeLayout of(String lake) {
        URI uri = URI.create(lake.trim());
        if (uri.getScheme() == null) {
            throw new IllegalArgumentException("The lake '" + lake + "' needs a scheme: file:///…, s3a://bucket or s3://bucket");
        }
        String text = uri.toString();
        while (text.endsWith("/") && !text.endsWith(":///")) {
            text = text.substring(0, text.length() - 1);
        }
        return new LakeLayout(text);
    }

    public String root() {
        return root;
    }

    /** {@code <lake>/raw/stock_ticks}. */
    public String rawTable() {
        return root + "/raw/" + TABLE;
    }

    /** {@code <lake>/compacted/stock_ticks}. */
    public String compactedTable() {
        return root + "/compacted/" + TABLE;
    }

    public String rawHour(HourPartition hour) {
        return rawTable() + "/" + hour.relativePath();
    }

    public String compactedHour(HourPartition hour) {
        return compactedTable() + "/" + hour.relativePath();
    }

    public String manifest(HourPartition hour) {
        return compactedHour(hour) + "/" + MANIFEST_NAME;
    }

    /** {@code _v000003}: the directory of one compacted version, relative to the hour. */
    public static String versionDirectory(long version) {
        return String.format("_v%06d", version);
    }

    /** {@code part-00007.parquet}: the n-th data file of a version. */
    public static String partFileName(int n) {
        return String.format("part-%05d.parquet", n);
    }

    @Override
    public String toString() {
        return root;
    }
}
