package io.ticklake.analytics.lake;

import java.time.Instant;
import java.util.List;

/**
 * One published compacted hour, as its manifest describes it.
 *
 * @param hourStart    the hour (UTC)
 * @param manifestPath where the manifest was read
 * @param version      the manifest's version
 * @param rowCount     rows the manifest promises
 * @param files        the data files, as DuckDB reads them
 */
public record CompactedHour(Instant hourStart, String manifestPath, long version, long rowCount,
                            List<String> files) {

    public CompactedHour {
        files = List.copyOf(files);
    }
}
