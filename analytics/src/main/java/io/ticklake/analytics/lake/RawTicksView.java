package io.ticklake.analytics.lake;

import io.ticklake.analytics.duckdb.DuckDbSession;
import io.ticklake.analytics.duckdb.SqlLiterals;
import io.ticklake.analytics.time.TimeRange;
import io.ticklake.lake.LakeUri;
import io.ticklake.lake.RawLayout;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The view {@code raw_ticks}: every row of the raw layer's files in the hour directories of a range
 * ({@code raw/stock_ticks/year=/month=/day=/hour=/*.parquet}, the lake module's layout), in the lake
 * contract's columns and types. Unlike {@code compacted_ticks} it keeps what compaction removes: records
 * landed twice (sink and backfill) and repeated trades. Files are listed through DuckDB, so local and S3
 * lakes are read the same way; a missing hour directory is an hour without raw files.
 */
public final class RawTicksView {

    public static final String VIEW = "raw_ticks";

    private RawTicksView() {
    }

    /** The statement defining {@code raw_ticks} over the raw files of the hours of {@code range}. */
    public static String create(DuckDbSession session, LakeUri lake, TimeRange range) throws SQLException {
        return "CREATE OR REPLACE TEMP VIEW " + VIEW + " AS " + CompactedTicksViews.contractSelect(files(session, lake, range));
    }

    /** The raw Parquet files of the hours of {@code range}, in path order; hidden and temporary files left out. */
    public static List<String> files(DuckDbSession session, LakeUri lake, TimeRange range) throws SQLException {
        List<String> files = new ArrayList<>();
        for (Instant hour = RawLayout.hourOf(range.start()); hour.isBefore(range.end()); hour = hour.plus(Duration.ofHours(1))) {
            String pattern = lake.duckDbPath(RawLayout.hourDirectory(hour)) + "/*.parquet";
            for (String file : session.queryStrings("SELECT file FROM glob(" + SqlLiterals.string(pattern) + ") ORDER BY file")) {
                String name = file.substring(file.lastIndexOf('/') + 1);
                if (!name.startsWith(".") && !name.startsWith("_")) {
                    files.add(file);
                }
            }
        }
        return files;
    }
}
