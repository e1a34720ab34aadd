package io.ticklake.analytics;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of a run: its command-line option, the environment variables read when the option is
 * absent (first match wins) and what happens when neither is given. The README's configuration table and
 * the CLI's help are this list.
 */
public enum ConfigKey {
    LAKE("lake", List.of("TICKLAKE_LAKE"), "required",
            "Lake root: file:///path (or a plain path), s3://bucket[/prefix] or s3a://bucket[/prefix]."),
    S3_ENDPOINT("s3-endpoint", List.of("TICKLAKE_S3_ENDPOINT"), "AWS",
            "S3-compatible endpoint such as http://127.0.0.1:9000 (MinIO); http:// turns TLS off."),
    S3_REGION("s3-region", List.of("TICKLAKE_S3_REGION", "AWS_REGION"), "us-east-1", "S3 region."),
    S3_ACCESS_KEY("s3-access-key", List.of("TICKLAKE_S3_ACCESS_KEY", "AWS_ACCESS_KEY_ID"), "none",
            "S3 access key: environment only (an option would be visible to other local users)."),
    S3_SECRET_KEY("s3-secret-key", List.of("TICKLAKE_S3_SECRET_KEY", "AWS_SECRET_ACCESS_KEY"), "none",
            "S3 secret key: environment only."),
    S3_PATH_STYLE("s3-path-style", List.of("TICKLAKE_S3_PATH_STYLE"), "true with an endpoint, else false",
            "Path-style S3 URLs (MinIO needs them)."),
    CATALOG_TYPE("catalog-type", List.of("TICKLAKE_CATALOG_TYPE"), "jdbc",
            "Iceberg catalog of ticklake.ticks: jdbc (an embedded SQLite file) or rest (any Iceberg REST catalog)."),
    CATALOG_URI("catalog-uri", List.of("TICKLAKE_CATALOG_URI"), "jdbc:sqlite:<lake>/catalog/iceberg.db for a local lake",
            "The catalog: jdbc:sqlite:/path/catalog.db or a REST catalog URL; an S3 lake must name it."),
    CATALOG_WAREHOUSE("catalog-warehouse", List.of("TICKLAKE_CATALOG_WAREHOUSE"), "<lake>/warehouse",
            "Where the catalog keeps table files (used when it creates the table)."),
    THREADS("threads", List.of("TICKLAKE_DUCKDB_THREADS"), "all cores", "DuckDB worker threads."),
    MEMORY_LIMIT("memory-limit", List.of("TICKLAKE_DUCKDB_MEMORY_LIMIT"), "80% of RAM",
            "DuckDB memory limit, e.g. 4GB; beyond it DuckDB spills to the temp directory."),
    TEMP_DIR("temp-dir", List.of("TICKLAKE_DUCKDB_TEMP_DIR"), "<java.io.tmpdir>/ticklake-duckdb",
            "Where DuckDB spills."),
    EXTENSION_DIR("extension-dir", List.of("TICKLAKE_DUCKDB_EXTENSION_DIR"),
            "${TICKLAKE_CACHE:-~/.cache/ticklake}/duckdb/extensions",
            "DuckDB extension directory; bin/install-httpfs installs httpfs there for s3:// lakes."),
    QUALITY_GRACE_MS("quality.grace-ms", List.of("TICKLAKE_QUALITY_GRACE_MS"), "10000",
            "Grace of the streams-app (its ticklake.grace.ms): data_quality_hourly counts a tick as late when its"
                    + " 1-minute window ended this long before stream time."),
    MODELS_DIR("models-dir", List.of("TICKLAKE_MODELS_DIR"), "the models in the jar",
            "A directory of model .sql files (and macros/) to run instead of the built-in models.");

    private final String option;
    private final List<String> environment;
    private final String defaultText;
    private final String description;

    ConfigKey(String option, List<String> environment, String defaultText, String description) {
        this.option = option;
        this.environment = environment;
        this.defaultText = defaultText;
        this.description = description;
    }

    /**
     * Options starting with this prefix are passed to the Iceberg catalog as properties without it
     * ({@code --catalog.header.X}; never a secret: the REST catalog's credential and token come from
     * {@code TICKLAKE_CATALOG_CREDENTIAL}/{@code TICKLAKE_CATALOG_TOKEN}), as the Spark jobs take them.
     */
    public static final String CATALOG_PROPERTY_PREFIX = "catalog.";

    /**
     * Options {@code quality.<column>.warn} and {@code quality.<column>.fail} set the levels of a model's
     * {@code threshold} column ({@code --quality.gap-ratio.fail 0.01}; {@code off} for none).
     */
    public static final String QUALITY_THRESHOLD_OPTIONS = "quality.<column>.warn|fail";

    /** The option's name without the leading dashes. */
    public String option() {
        return option;
    }

    public List<String> environment() {
        return environment;
    }

    public String defaultText() {
        return defaultText;
    }

    public String description() {
        return description;
    }

    /** The option's value, else the first environment variable set, trimmed; empty values count as unset. */
    public Optional<String> lookup(Map<String, String> options, Map<String, String> env) {
        Optional<String> value = nonEmpty(options.get(option));
        for (String variable : environment) {
            if (value.isPresent()) {
                break;
            }
            value = nonEmpty(env.get(variable));
        }
        return value;
    }

    public static Optional<ConfigKey> forOption(String option) {
        for (ConfigKey key : values()) {
            if (key.option.equals(option)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> nonEmpty(String value) {
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }
}
