package io.ticklake.analytics.lake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * One hour (partition) of {@code ticklake.ticks} in a snapshot: its data files and what identifies them.
 *
 * <p>The identity is a SHA-256 of the hour's sorted data-file locations. Iceberg never rewrites a file in
 * place and names every new file uniquely, so the set of locations changes exactly when a commit replaces
 * or adds files of the hour (compaction re-committing it with a late tick) and stays the same when commits
 * touch other hours. Unlike "the snapshot that last changed the hour", it needs no snapshot history (which
 * expiry removes), also changes when files are only removed, and a rollback makes it differ too.
 *
 * @param hourStart the hour (UTC)
 * @param locations the data files' locations as Iceberg names them, sorted
 * @param files     the same files as DuckDB reads them, in the same order
 * @param rowCount  rows Iceberg's metadata records for these files
 * @param identity  hex SHA-256 of the sorted locations, one per line
 */
public record TableHour(Instant hourStart, List<String> locations, List<String> files, long rowCount,
                        String identity) {

    public TableHour {
        locations = List.copyOf(locations);
        files = List.copyOf(files);
    }

    /** The hour with these data files (locations sorted here). */
    public static TableHour of(Instant hourStart, List<String> locations, long rowCount) {
        List<String> sorted = locations.stream().sorted().toList();
        return new TableHour(hourStart, sorted, sorted.stream().map(DuckDbLocations::of).toList(), rowCount,
                identityOf(sorted));
    }

    /** The identity of a set of data-file locations. */
    public static String identityOf(List<String> locations) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            locations.stream().sorted().forEach(l -> sha.update((l + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
