package io.ticklake.analytics.lake;

import io.ticklake.analytics.AnalyticsException;
import io.ticklake.analytics.duckdb.DuckDbSession;
import io.ticklake.analytics.duckdb.SqlLiterals;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the published hours of the compacted lake and reads their {@code _manifest.json}, the only
 * entry point to compacted data: files not listed in a manifest (older versions, a compaction in
 * progress) are never read. Works the same on local and S3 lakes because DuckDB does the listing and
 * the reading.
 */
public final class ManifestReader {

    /** The compacted table this reader understands. */
    public static final String TABLE = "stock_ticks";
    /** The manifest format this reader understands. */
    public static final int FORMAT_VERSION = 1;

    private static final Pattern MANIFEST_PATH = Pattern.compile(
            ".*/compacted/" + TABLE + "/year=(\\d{4})/month=(\\d{2})/day=(\\d{2})/hour=(\\d{2})/_manifest\\.json$");

    private final DuckDbSession session;
    private final LakeUri lake;

    public ManifestReader(DuckDbSession session, LakeUri lake) {
        this.session = session;
        this.lake = lake;
    }

    /** The glob that matches every manifest of the compacted table. */
    public String manifestGlob() {
        return lake.resolve("compacted/" + TABLE + "/year=*/month=*/day=*/hour=*/_manifest.json");
    }

    /** Every published hour and the path of its manifest, oldest first. */
    public NavigableMap<Instant, String> listManifests() {
        NavigableMap<Instant, String> manifests = new TreeMap<>();
        List<String> paths;
        try {
            paths = session.queryStrings("SELECT file FROM glob(" + SqlLiterals.string(manifestGlob()) + ")");
        } catch (SQLException e) {
            throw new AnalyticsException("cannot list the compacted lake at " + lake + ": " + e.getMessage(), e);
        }
        for (String path : paths) {
            manifests.put(hourOf(path), path);
        }
        return manifests;
    }

    /** Reads and checks the given manifests. */
    public List<CompactedHour> read(Collection<String> manifestPaths) {
        if (manifestPaths.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT filename, format_version, \"table\", hour_start, version, row_count,"
                + " list_transform(files, lambda f: f.path) AS paths,"
                + " list_transform(files, lambda f: f.\"rows\") AS file_rows"
                + " FROM read_json(" + SqlLiterals.stringList(List.copyOf(manifestPaths)) + ", columns = {"
                + "format_version: 'BIGINT', \"table\": 'VARCHAR', hour_start: 'VARCHAR', version: 'BIGINT',"
                + " row_count: 'BIGINT', files: 'STRUCT(path VARCHAR, \"rows\" BIGINT, bytes BIGINT)[]'},"
                + " filename = true, format = 'auto') ORDER BY filename";
        List<Map<String, Object>> rows;
        try {
            rows = session.queryRows(sql, Integer.MAX_VALUE);
        } catch (SQLException e) {
            throw new AnalyticsException("cannot read compacted manifests: " + e.getMessage(), e);
        }
        List<CompactedHour> hours = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            hours.add(toHour(row));
        }
        return hours;
    }

    private CompactedHour toHour(Map<String, Object> row) {
        String path = (String) row.get("filename");
        Instant dirHour = hourOf(path);
        Object format = row.get("format_version");
        if (format == null || ((Number) format).intValue() != FORMAT_VERSION) {
            throw bad(path, "has format_version " + format + "; this reader understands " + FORMAT_VERSION);
        }
        if (!TABLE.equals(row.get("table"))) {
            throw bad(path, "is for table '" + row.get("table") + "', expected '" + TABLE + "'");
        }
        Instant hourStart = parseInstant(path, (String) row.get("hour_start"));
        if (!hourStart.equals(dirHour)) {
            throw bad(path, "says hour_start " + hourStart + " but lies in the directory of hour " + dirHour);
        }
        Object version = row.get("version");
        Object rowCount = row.get("row_count");
        if (version == null || rowCount == null) {
            throw bad(path, "lacks version or row_count");
        }
        @SuppressWarnings("unchecked")
        List<Object> relPaths = row.get("paths") == null ? List.of() : (List<Object>) row.get("paths");
        @SuppressWarnings("unchecked")
        List<Object> fileRows = row.get("file_rows") == null ? List.of() : (List<Object>) row.get("file_rows");
        String hourDir = path.substring(0, path.length() - "/_manifest.json".length());
        List<String> files = new ArrayList<>();
        long listed = 0;
        for (int i = 0; i < relPaths.size(); i++) {
            String rel = (String) relPaths.get(i);
            if (rel == null || rel.isEmpty() || rel.startsWith("/") || rel.contains("://")
                    || List.of(rel.split("/")).contains("..")) {
                throw bad(path, "lists file '" + rel + "', which is not a path inside the hour directory");
            }
            files.add(hourDir + "/" + rel);
            listed += fileRows.get(i) == null ? 0 : ((Number) fileRows.get(i)).longValue();
        }
        long promised = ((Number) rowCount).longValue();
        if (listed != promised) {
            throw bad(path, "promises row_count " + promised + " but its files list " + listed + " rows");
        }
        return new CompactedHour(hourStart, path, ((Number) version).longValue(), promised, files);
    }

    static Instant hourOf(String manifestPath) {
        Matcher m = MANIFEST_PATH.matcher(manifestPath);
        if (!m.matches()) {
            throw new AnalyticsException("unexpected manifest path " + manifestPath);
        }
        return LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), 0).toInstant(ZoneOffset.UTC);
    }

    private static Instant parseInstant(String path, String text) {
        if (text == null) {
            throw bad(path, "lacks hour_start");
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw bad(path, "has hour_start '" + text + "', which is not an ISO-8601 instant");
        }
    }

    private static AnalyticsException bad(String path, String problem) {
        return new AnalyticsException("manifest " + path + " " + problem);
    }
}
