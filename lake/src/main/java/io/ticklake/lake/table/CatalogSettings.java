package io.ticklake.lake.table;

import io.ticklake.lake.LakeUri;
import io.ticklake.lake.S3Settings;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which Iceberg catalog holds {@code ticklake.ticks}. Every component (the Spark jobs, analytics, the
 * dashboard, tests) builds its catalog from these settings, so they all see the same table.
 *
 * <ul>
 *   <li>{@code jdbc} (default): Iceberg's JDBC catalog on an embedded SQLite file, {@code uri}
 *       {@code jdbc:sqlite:/path/catalog.db}. Default for a local lake: {@code <lake>/catalog/iceberg.db};
 *       an S3 lake has no local directory, so its SQLite file must be named.</li>
 *   <li>{@code rest}: any Iceberg REST catalog (Polaris, Nessie, Glue, Unity, Lakekeeper), {@code uri} its
 *       base URL; further properties go in {@code extra} ({@code header.X}, {@code oauth2-server-uri},
 *       ...). Its secrets, Iceberg's {@code credential} and {@code token}, come from the environment
 *       only ({@link #withSecretsFrom}): an option shows in {@code ps} and in a scheduler's rendered command.</li>
 * </ul>
 *
 * Data and metadata files live under the warehouse, {@code <lake>/warehouse} unless given. There is no
 * Hadoop catalog: its rename-based commit is not atomic on S3.
 *
 * @param type      {@code jdbc} or {@code rest}
 * @param uri       the catalog's JDBC URL or REST endpoint; null for the local default
 * @param warehouse null for {@code <lake>/warehouse}
 * @param extra     further Iceberg catalog properties, passed as given
 */
public record CatalogSettings(String type, String uri, String warehouse, Map<String, String> extra) {

    /** The catalog's name: Spark SQL's {@code lake.ticklake.ticks}; pyiceberg's {@code SqlCatalog("lake")}. */
    public static final String CATALOG_NAME = "lake";
    public static final String JDBC = "jdbc";
    public static final String REST = "rest";
    /** Iceberg's REST catalog properties that are secrets, and the environment variables they come from. */
    public static final Map<String, String> SECRET_PROPERTIES = Map.of(
            "credential", "TICKLAKE_CATALOG_CREDENTIAL",
            "token", "TICKLAKE_CATALOG_TOKEN");

    public CatalogSettings {
        type = type == null || type.isBlank() ? JDBC : type.trim().toLowerCase(Locale.ROOT);
        if (!type.equals(JDBC) && !type.equals(REST)) {
            throw new IllegalArgumentException("catalog type '" + type + "' is not supported (allowed: jdbc, rest)");
        }
        uri = uri == null || uri.isBlank() ? null : uri.trim();
        if (type.equals(REST) && uri == null) {
            throw new IllegalArgumentException("a rest catalog needs its uri, e.g. http://127.0.0.1:8181/api/catalog");
        }
        if (uri != null && type.equals(JDBC) && !uri.startsWith("jdbc:")) {
            throw new IllegalArgumentException("catalog uri '" + uri + "' is not a JDBC URL (jdbc:sqlite:/path/catalog.db)");
        }
        warehouse = warehouse == null || warehouse.isBlank() ? null : warehouse.trim();
        extra = Map.copyOf(Objects.requireNonNullElse(extra, Map.of()));
    }

    /**
     * These settings with the catalog's secrets from {@code environment} ({@link #SECRET_PROPERTIES}).
     *
     * @throws IllegalArgumentException when a secret was given as a property instead, naming its variable
     */
    public CatalogSettings withSecretsFrom(Map<String, String> environment) {
        Map<String, String> all = new LinkedHashMap<>(extra);
        SECRET_PROPERTIES.forEach((property, variable) -> {
            if (extra.containsKey(property)) {
                throw new IllegalArgumentException("the catalog's " + property + " is a secret: set " + variable
                        + " in the environment instead of passing it as a property");
            }
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                all.put(property, value);
            }
        });
        return new CatalogSettings(type, uri, warehouse, all);
    }

    /** The default: an embedded SQLite catalog. */
    public static CatalogSettings defaults() {
        return new CatalogSettings(JDBC, null, null, Map.of());
    }

    /** An embedded SQLite catalog in a file. */
    public static CatalogSettings sqlite(java.nio.file.Path file) {
        return new CatalogSettings(JDBC, "jdbc:sqlite:" + file.toAbsolutePath(), null, Map.of());
    }

    /** The catalog URI this lake uses (the default SQLite file of a local lake when none was given). */
    public String resolvedUri(LakeUri lake) {
        if (uri != null) {
            return uri;
        }
        if (lake.isS3()) {
            throw new IllegalArgumentException("an S3 lake (" + lake + ") needs catalog-uri (or TICKLAKE_CATALOG_URI):"
                    + " a local SQLite file"
                    + " (jdbc:sqlite:/path/catalog.db) or a REST catalog with catalog-type=rest");
        }
        return "jdbc:sqlite:" + lake.localPath().resolve("catalog").resolve("iceberg.db");
    }

    /** The warehouse this lake uses. */
    public String resolvedWarehouse(LakeUri lake) {
        return warehouse != null ? warehouse : lake.uri("warehouse");
    }

    /**
     * Iceberg catalog properties for {@code CatalogUtil.buildIcebergCatalog} or Spark's
     * {@code spark.sql.catalog.lake.*}: type, uri, warehouse, file IO and the S3 client settings.
     */
    public Map<String, String> icebergProperties(LakeUri lake, S3Settings s3) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("type", type);
        props.put("uri", resolvedUri(lake));
        props.put("warehouse", resolvedWarehouse(lake));
        if (type.equals(JDBC)) {
            // V1 adds views and lets pyiceberg and Trino share the file; sqlite waits for a writer's lock
            // instead of failing at once when two jobs commit together
            props.put("jdbc.schema-version", "V1");
            props.put("jdbc.busy_timeout", "30000");
        }
        if (lake.isS3()) {
            props.put("io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
            // the JDK's HTTP client (AWS SDK url-connection-client): Iceberg's default wants the SDK's
            // Apache 5 client, which the SDK versions Spark and Connect pin lack; "catalog.http-client.type" overrides
            props.put("http-client.type", "urlconnection");
            props.putAll(s3.icebergProperties());
        } else {
            props.put("io-impl", LocalFileIO.class.getName());
        }
        props.putAll(extra);
        return props;
    }

    @Override
    public String toString() {
        // extra may hold credentials: name the keys only
        return "CatalogSettings[type=" + type + ", uri=" + uri + ", warehouse=" + warehouse + ", extra keys="
                + extra.keySet() + "]";
    }
}
