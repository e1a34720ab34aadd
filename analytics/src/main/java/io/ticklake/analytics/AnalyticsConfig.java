package io.ticklake.analytics;

import io.ticklake.analytics.duckdb.DuckDbSettings;
import io.ticklake.analytics.quality.QualitySettings;
import io.ticklake.lake.LakeUri;
import io.ticklake.lake.S3Settings;
import io.ticklake.lake.table.CatalogSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a run needs besides its scope.
 *
 * @param lake            the lake root
 * @param s3              how to reach an S3 lake (ignored for a local one)
 * @param catalog         the Iceberg catalog holding {@code ticklake.ticks}
 * @param duckDb          the embedded DuckDB's settings
 * @param modelsDirectory models to run instead of the built-in ones
 * @param quality         the data-quality model's grace and the threshold levels of the quality checks
 */
public record AnalyticsConfig(LakeUri lake, S3Settings s3, CatalogSettings catalog, DuckDbSettings duckDb,
                              Optional<Path> modelsDirectory, QualitySettings quality) {

    public AnalyticsConfig {
        Objects.requireNonNull(lake, "lake");
        Objects.requireNonNull(s3, "s3");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(duckDb, "duckDb");
        Objects.requireNonNull(modelsDirectory, "modelsDirectory");
        Objects.requireNonNull(quality, "quality");
    }

    /** A local lake with defaults for everything else (tests, embedding). */
    public static AnalyticsConfig forLake(String lake) {
        return from(Map.of(ConfigKey.LAKE.option(), lake), Map.of());
    }

    /**
     * Reads the settings from command-line options (keyed by option name) falling back to the environment.
     *
     * @throws IllegalArgumentException naming the option when a value is missing or invalid
     */
    public static AnalyticsConfig from(Map<String, String> options, Map<String, String> env) {
        LakeUri lake = parseLake(ConfigKey.LAKE.lookup(options, env).orElseThrow(() ->
                new IllegalArgumentException("--" + ConfigKey.LAKE.option() + " (or " + ConfigKey.LAKE.environment()
                        .get(0) + ") is required")));
        for (ConfigKey secret : List.of(ConfigKey.S3_ACCESS_KEY, ConfigKey.S3_SECRET_KEY)) {
            if (options.containsKey(secret.option())) {
                // options show in ps and in a scheduler's rendered command; the value is not repeated here
                throw new IllegalArgumentException("--" + secret.option() + " is not an option: set "
                        + String.join(" or ", secret.environment()) + " in the environment instead");
            }
        }
        Optional<String> endpoint = ConfigKey.S3_ENDPOINT.lookup(options, env);
        boolean pathStyle = ConfigKey.S3_PATH_STYLE.lookup(options, env)
                .map(v -> parseBoolean(ConfigKey.S3_PATH_STYLE, v)).orElse(endpoint.isPresent());
        S3Settings s3;
        try {
            s3 = new S3Settings(endpoint.orElse(null), ConfigKey.S3_ACCESS_KEY.lookup(options, env).orElse(null),
                    ConfigKey.S3_SECRET_KEY.lookup(options, env).orElse(null),
                    ConfigKey.S3_REGION.lookup(options, env).orElse(null), pathStyle);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("S3 settings: " + e.getMessage(), e);
        }
        CatalogSettings catalog = catalogSettings(options, env);
        Optional<Integer> threads = ConfigKey.THREADS.lookup(options, env).map(v -> parsePositive(ConfigKey.THREADS, v));
        Optional<String> memory = ConfigKey.MEMORY_LIMIT.lookup(options, env);
        memory.ifPresent(m -> {
            if (!m.toUpperCase(Locale.ROOT).matches("\\d+(\\.\\d+)?\\s*(B|KB|KIB|MB|MIB|GB|GIB|TB|TIB)")) {
                throw new IllegalArgumentException("--" + ConfigKey.MEMORY_LIMIT.option() + " '" + m
                        + "' must be a size such as 512MB or 4GB");
            }
        });
        Path temp = ConfigKey.TEMP_DIR.lookup(options, env).map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "ticklake-duckdb"));
        Path extensions = ConfigKey.EXTENSION_DIR.lookup(options, env).map(Path::of)
                .orElse(defaultCache(env).resolve("duckdb").resolve("extensions"));
        Optional<Path> models = ConfigKey.MODELS_DIR.lookup(options, env).map(Path::of);
        long graceMs = ConfigKey.QUALITY_GRACE_MS.lookup(options, env)
                .map(v -> parseNonNegative(ConfigKey.QUALITY_GRACE_MS, v)).orElse(QualitySettings.DEFAULT_GRACE_MS);
        QualitySettings quality = new QualitySettings(graceMs, QualitySettings.thresholdOptions(options));
        return new AnalyticsConfig(lake, s3, catalog, new DuckDbSettings(threads, memory, temp, extensions), models,
                quality);
    }

    private static LakeUri parseLake(String text) {
        try {
            return LakeUri.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + ConfigKey.LAKE.option() + ": " + e.getMessage(), e);
        }
    }

    private static CatalogSettings catalogSettings(Map<String, String> options, Map<String, String> env) {
        Map<String, String> extra = new LinkedHashMap<>();
        options.forEach((name, value) -> {
            if (name.startsWith(ConfigKey.CATALOG_PROPERTY_PREFIX)) {
                extra.put(name.substring(ConfigKey.CATALOG_PROPERTY_PREFIX.length()), value);
            }
        });
        try {
            return new CatalogSettings(ConfigKey.CATALOG_TYPE.lookup(options, env).orElse(null),
                    ConfigKey.CATALOG_URI.lookup(options, env).orElse(null),
                    ConfigKey.CATALOG_WAREHOUSE.lookup(options, env).orElse(null), extra).withSecretsFrom(env);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(catalogOptions() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks that the catalog settings fit the lake (an S3 lake has no directory for the default SQLite
     * file). Separate from {@link #from}: readers of the model files alone (the dashboard) need no catalog.
     *
     * @throws IllegalArgumentException naming the options to fix
     */
    public void requireCatalog() {
        try {
            catalog.resolvedUri(lake);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(catalogOptions() + ": " + e.getMessage(), e);
        }
    }

    private static String catalogOptions() {
        return "--" + ConfigKey.CATALOG_TYPE.option() + "/--" + ConfigKey.CATALOG_URI.option();
    }

    /** {@code $TICKLAKE_CACHE}, else {@code ~/.cache/ticklake}: where the project keeps downloads outside the repo. */
    public static Path defaultCache(Map<String, String> env) {
        String cache = env.get("TICKLAKE_CACHE");
        if (cache != null && !cache.isBlank()) {
            return Path.of(cache.trim());
        }
        return Path.of(System.getProperty("user.home"), ".cache", "ticklake");
    }

    private static boolean parseBoolean(ConfigKey key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("--" + key.option() + " '" + value + "' must be true or false");
        };
    }

    private static long parseNonNegative(ConfigKey key, String value) {
        try {
            long n = Long.parseLong(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--" + key.option() + " '" + value + "' must be a whole number of at least 0");
    }

    private static int parsePositive(ConfigKey key, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--" + key.option() + " '" + value + "' must be a whole number of at least 1");
    }
}
