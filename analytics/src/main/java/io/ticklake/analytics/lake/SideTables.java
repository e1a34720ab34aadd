package io.ticklake.analytics.lake;

import io.ticklake.analytics.duckdb.DuckDbSession;
import io.ticklake.analytics.duckdb.SqlLiterals;
import io.ticklake.lake.LakeUri;
import io.ticklake.lake.RawLayout;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the models read besides {@code ticklake.ticks}: the raw alert and dead-letter tables ({@code alerts_daily},
 * {@code data_quality_hourly}), their files listed per hour. They take part in each hour's data identity
 * ({@link #identities}), so a {@code --changed} run rebuilds an hour whose alerts or dead letters landed after its
 * models were built, though its ticks did not change or it has none at all.
 */
public final class SideTables {

    /** The raw tables the models read beside the ticks. */
    static final List<String> TABLES = List.of(RawLayout.RAW_ALERTS_TABLE, RawLayout.RAW_DEAD_LETTERS_TABLE);

    private final NavigableMap<Instant, List<String>> filesByHour;

    private SideTables(NavigableMap<Instant, List<String>> filesByHour) {
        this.filesByHour = filesByHour;
    }

    /** Lists the side tables' files of every hour (one listing per table; hidden and temporary files left out). */
    public static SideTables list(DuckDbSession session, LakeUri lake) throws SQLException {
        NavigableMap<Instant, List<String>> filesByHour = new TreeMap<>();
        for (String table : TABLES) {
            String pattern = lake.duckDbPath(table) + "/year=*/month=*/day=*/hour=*/*.parquet";
            for (String file : session.queryStrings("SELECT file FROM glob(" + SqlLiterals.string(pattern) + ")")) {
                int slash = file.lastIndexOf('/');
                String name = file.substring(slash + 1);
                Optional<Instant> hour = RawLayout.parseHour(file.substring(0, slash));
                if (hour.isPresent() && !name.startsWith(".") && !name.startsWith("_")) {
                    filesByHour.computeIfAbsent(hour.get(), h -> new ArrayList<>()).add(file);
                }
            }
        }
        return new SideTables(filesByHour);
    }

    /**
     * Each hour's data identity: the table hour's ({@link TableHour#identity}), combined with the side files where
     * the hour has any. An hour without side files keeps the table's identity, so what was recorded before side
     * tables took part stays valid; an hour with side files only has one too.
     */
    public NavigableMap<Instant, String> identities(TableSnapshot snapshot) {
        NavigableMap<Instant, String> identities = new TreeMap<>(snapshot.identities());
        for (Map.Entry<Instant, List<String>> hour : filesByHour.entrySet()) {
            List<String> parts = new ArrayList<>();
            parts.add("table " + identities.getOrDefault(hour.getKey(), ""));
            hour.getValue().forEach(file -> parts.add("side " + file));
            identities.put(hour.getKey(), TableHour.identityOf(parts));
        }
        return identities;
    }
}
