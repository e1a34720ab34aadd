package io.ticklake.spark.table;

import io.ticklake.lake.LakeUri;
import io.ticklake.lake.S3Settings;
import io.ticklake.lake.table.CatalogSettings;
import io.ticklake.lake.table.LakeCatalog;
import io.ticklake.spark.options.InvalidOptionException;
import io.ticklake.spark.options.JobOption;
import io.ticklake.spark.options.JobOptions;
import io.ticklake.spark.options.Parsers;
import java.util.List;
import java.util.Map;

/**
 * The Iceberg catalog options every job writing or maintaining {@code ticklake.ticks} shares; the same
 * names as analytics uses, and the same {@code TICKLAKE_CATALOG_TYPE/URI/WAREHOUSE} variables when an
 * option is not given. Keys starting with {@code catalog.} are passed to the catalog as Iceberg properties ({@code catalog.header.X}, ...); a REST catalog's credential and token come from
 * {@code TICKLAKE_CATALOG_CREDENTIAL} and {@code TICKLAKE_CATALOG_TOKEN} in the environment only.
 */
public final class CatalogOptions {

    public static final String PASS_THROUGH_PREFIX = "catalog.";

    public static final JobOption<String> TYPE = JobOption.optional("catalog-type",
            Parsers.oneOf("jdbc", "rest"), "Iceberg catalog: jdbc (embedded SQLite, the default) or rest;"
                    + " env TICKLAKE_CATALOG_TYPE");
    public static final JobOption<String> URI = JobOption.optional("catalog-uri", Parsers::text,
            "jdbc:sqlite:/path/catalog.db or a REST catalog URL; env TICKLAKE_CATALOG_URI; default for a local lake:"
                    + " <lake>/catalog/iceberg.db");
    public static final JobOption<String> WAREHOUSE = JobOption.optional("catalog-warehouse", Parsers::text,
            "where table files go; env TICKLAKE_CATALOG_WAREHOUSE; default <lake>/warehouse");

    public static final List<JobOption<?>> ALL = List.of(TYPE, URI, WAREHOUSE);

    private CatalogOptions() {
    }

    public static CatalogSettings settings(JobOptions options, Map<String, String> environment) {
        CatalogSettings settings;
        try {
            settings = new CatalogSettings(options.findOrEnvironment(TYPE, environment).orElse(null),
                    options.findOrEnvironment(URI, environment).orElse(null),
                    options.findOrEnvironment(WAREHOUSE, environment).orElse(null),
                    options.withPrefix(PASS_THROUGH_PREFIX, true));
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException(URI.name(), e.getMessage());
        }
        try {
            return settings.withSecretsFrom(environment);
        } catch (IllegalArgumentException e) {
            String secret = settings.extra().keySet().stream().filter(CatalogSettings.SECRET_PROPERTIES::containsKey)
                    .findFirst().orElse("*");
            throw new InvalidOptionException(PASS_THROUGH_PREFIX + secret, e.getMessage());
        }
    }

    /** Opens the catalog, naming the option to fix when the settings do not fit the lake. */
    public static LakeCatalog open(LakeUri lake, S3Settings s3, CatalogSettings settings) {
        try {
            settings.resolvedUri(lake);
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException(URI.name(), e.getMessage());
        }
        return LakeCatalog.open(lake, s3, settings);
    }
}
