package io.ticklake.analytics.duckdb;

import io.ticklake.analytics.AnalyticsException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Loads DuckDB's httpfs extension, which {@code s3://} lakes need and the JDBC jar does not bundle.
 *
 * <p>First from the extension directory ({@code bin/install-httpfs} puts the build matching this DuckDB
 * there from PyPI's {@code duckdb-extension-httpfs}, which works offline), then by letting DuckDB
 * download it (needs internet).
 */
public final class HttpfsExtension {

    private HttpfsExtension() {
    }

    public static void load(DuckDbSession session, Path extensionDirectory) {
        try {
            session.execute("LOAD httpfs");
            return;
        } catch (SQLException notInstalled) {
            // not in the extension directory yet: try the online install below
        }
        try {
            session.execute("INSTALL httpfs");
            session.execute("LOAD httpfs");
        } catch (SQLException e) {
            throw new AnalyticsException("the DuckDB httpfs extension (needed for s3:// lakes) is not installed in "
                    + extensionDirectory + " and could not be downloaded (" + firstLine(e.getMessage())
                    + "). Install it offline with analytics/bin/install-httpfs, or point --extension-dir /"
                    + " TICKLAKE_DUCKDB_EXTENSION_DIR at a directory that has it.", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
