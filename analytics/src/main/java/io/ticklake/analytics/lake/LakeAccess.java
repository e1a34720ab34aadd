package io.ticklake.analytics.lake;

import io.ticklake.analytics.AnalyticsException;
import io.ticklake.analytics.duckdb.DuckDbSession;
import io.ticklake.analytics.duckdb.HttpfsExtension;
import io.ticklake.analytics.duckdb.SqlLiterals;
import io.ticklake.lake.LakeUri;
import io.ticklake.lake.S3Settings;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Makes a DuckDB session able to read and write the lake: nothing for a local lake; httpfs and an S3 secret for S3. */
public final class LakeAccess {

    private LakeAccess() {
    }

    public static void configure(DuckDbSession session, LakeUri lake, S3Settings s3, Path extensionDirectory) {
        if (!lake.isS3()) {
            return;
        }
        HttpfsExtension.load(session, extensionDirectory);
        List<String> options = new ArrayList<>();
        options.add("TYPE s3");
        options.add("REGION " + SqlLiterals.string(s3.region()));
        if (s3.accessKey() != null) {
            options.add("KEY_ID " + SqlLiterals.string(s3.accessKey()));
            options.add("SECRET " + SqlLiterals.string(s3.secretKey()));
        }
        s3.endpointAuthority().ifPresent(e -> options.add("ENDPOINT " + SqlLiterals.string(e)));
        options.add("URL_STYLE " + SqlLiterals.string(s3.pathStyle() ? "path" : "vhost"));
        options.add("USE_SSL " + s3.useSsl());
        options.add("SCOPE " + SqlLiterals.string("s3://" + lake.bucket()));
        try {
            session.execute("CREATE OR REPLACE TEMPORARY SECRET ticklake_lake (" + String.join(", ", options) + ")");
        } catch (SQLException e) {
            throw new AnalyticsException("cannot configure S3 access for " + lake + ": " + e.getMessage(), e);
        }
    }
}
