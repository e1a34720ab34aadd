package io.ticklake.analytics.lake;

import io.ticklake.analytics.duckdb.DuckDbSession;
import io.ticklake.analytics.duckdb.SqlLiterals;
import io.ticklake.analytics.time.TimeRange;
import io.ticklake.lake.LakeUri;
import io.ticklake.lake.RawAlertColumns;
import io.ticklake.lake.RawDeadLetterColumns;
import io.ticklake.lake.RawLayout;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The views over the raw layer, each over the files in the hour directories of a range (the lake module's
 * layout), in the lake contract's columns and types:
 * <ul>
 *   <li>{@code raw_ticks}: {@code raw/stock_ticks}. Unlike {@code compacted_ticks} it keeps what
 *       compaction removes: records landed twice (sink and backfill) and repeated trades.</li>
 *   <li>{@code raw_dead_letters}: {@code raw/stock_ticks_dlq}, the dead letters the sink lands from
 *       {@code stock-ticks-dlq}, in hours of their Kafka timestamp; given with {@code raw_ticks}.</li>
 *   <li>{@code raw_alerts}: {@code raw/stock_alerts}, the alerts the sink lands from {@code stock-alerts}.</li>
 * </ul>
 * Files are listed through DuckDB, so local and S3 lakes are read the same way; a missing hour directory
 * is an hour without raw files.
 */
public final class RawViews {

    public static final String TICKS_VIEW = "raw_ticks";
    public static final String ALERTS_VIEW = "raw_alerts";
    public static final String DEAD_LETTERS_VIEW = "raw_dead_letters";

    /** The raw alert columns ({@link RawAlertColumns}) in order, with their DuckDB types. */
    static final Map<String, String> ALERT_COLUMNS = ContractColumns.duckDbTypes(RawAlertColumns.PARQUET_SCHEMA);
    /** The raw dead-letter columns ({@link RawDeadLetterColumns}) in order, with their DuckDB types. */
    static final Map<String, String> DEAD_LETTER_COLUMNS =
            ContractColumns.duckDbTypes(RawDeadLetterColumns.PARQUET_SCHEMA);

    private RawViews() {
    }

    /** The statement defining {@code raw_ticks} over the raw tick files of the hours of {@code range}. */
    public static String ticks(DuckDbSession session, LakeUri lake, TimeRange range) throws SQLException {
        return view(TICKS_VIEW, CompactedTicksViews.COLUMNS, files(session, lake, RawLayout.RAW_TABLE, range));
    }

    /** The statement defining {@code raw_alerts} over the raw alert files of the hours of {@code range}. */
    public static String alerts(DuckDbSession session, LakeUri lake, TimeRange range) throws SQLException {
        return view(ALERTS_VIEW, ALERT_COLUMNS, files(session, lake, RawLayout.RAW_ALERTS_TABLE, range));
    }

    /** The statement defining {@code raw_dead_letters} over the raw dead-letter files of the hours of {@code range}. */
    public static String deadLetters(DuckDbSession session, LakeUri lake, TimeRange range) throws SQLException {
        return view(DEAD_LETTERS_VIEW, DEAD_LETTER_COLUMNS, files(session, lake, RawLayout.RAW_DEAD_LETTERS_TABLE, range));
    }

    private static String view(String name, Map<String, String> columns, List<String> files) {
        return "CREATE OR REPLACE TEMP VIEW " + name + " AS " + CompactedTicksViews.contractSelect(columns, files);
    }

    /** The Parquet files of a raw table in the hours of {@code range}, in path order; hidden and temporary files left out. */
    static List<String> files(DuckDbSession session, LakeUri lake, String rawTable, TimeRange range) throws SQLException {
        List<String> files = new ArrayList<>();
        for (Instant hour = RawLayout.hourOf(range.start()); hour.isBefore(range.end()); hour = hour.plus(Duration.ofHours(1))) {
            String pattern = lake.duckDbPath(RawLayout.hourDirectory(rawTable, hour)) + "/*.parquet";
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
