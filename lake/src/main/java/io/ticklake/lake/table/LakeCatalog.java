package io.ticklake.lake.table;

import io.ticklake.lake.LakeUri;
import io.ticklake.lake.S3Settings;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.exceptions.NoSuchTableException;

/**
 * The lake's Iceberg catalog, opened from {@link CatalogSettings}: loads (or creates) {@code ticklake.ticks}.
 * Every failure to reach the catalog is a {@link LakeCatalogException} naming the catalog's URI.
 */
public final class LakeCatalog implements Closeable {

    private final Catalog catalog;
    private final String uri;

    private LakeCatalog(Catalog catalog, String uri) {
        this.catalog = catalog;
        this.uri = uri;
    }

    /** Opens the catalog of a lake; for a local SQLite file, its directory is created. */
    public static LakeCatalog open(LakeUri lake, S3Settings s3, CatalogSettings settings) {
        Map<String, String> props = settings.icebergProperties(lake, s3);
        String uri = props.get("uri");
        try {
            if (uri.startsWith("jdbc:sqlite:")) {
                Path file = Path.of(uri.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", ""));
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
            }
            return new LakeCatalog(CatalogUtil.buildIcebergCatalog(CatalogSettings.CATALOG_NAME, props, null), uri);
        } catch (IOException | RuntimeException e) {
            throw new LakeCatalogException("cannot open the Iceberg catalog at " + uri + ": " + rootMessage(e), e);
        }
    }

    /** The table, created with {@link TicksTable}'s definition if it does not exist yet. */
    public Table ticks() {
        try {
            return catalog.loadTable(TicksTable.IDENTIFIER);
        } catch (NoSuchTableException missing) {
            return create();
        } catch (RuntimeException e) {
            throw new LakeCatalogException("cannot load " + TicksTable.IDENTIFIER + " from the Iceberg catalog at "
                    + uri + ": " + rootMessage(e), e);
        }
    }

    /** The table if it exists. */
    public Optional<Table> existingTicks() {
        try {
            return Optional.of(catalog.loadTable(TicksTable.IDENTIFIER));
        } catch (NoSuchTableException missing) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new LakeCatalogException("cannot load " + TicksTable.IDENTIFIER + " from the Iceberg catalog at "
                    + uri + ": " + rootMessage(e), e);
        }
    }

    private Table create() {
        try {
            if (catalog instanceof SupportsNamespaces namespaces) {
                createNamespace(namespaces);
            }
            return catalog.buildTable(TicksTable.IDENTIFIER, TicksTable.SCHEMA).withPartitionSpec(TicksTable.SPEC)
                    .withSortOrder(TicksTable.SORT_ORDER).withProperties(TicksTable.PROPERTIES).create();
        } catch (RuntimeException e) {
            // Another job may have created it first; JDBC catalogs report that race as a SQL constraint failure.
            if (catalog.tableExists(TicksTable.IDENTIFIER)) {
                return catalog.loadTable(TicksTable.IDENTIFIER);
            }
            throw new LakeCatalogException("cannot create " + TicksTable.IDENTIFIER + " in the Iceberg catalog at "
                    + uri + ": " + rootMessage(e), e);
        }
    }

    private static void createNamespace(SupportsNamespaces namespaces) {
        if (namespaces.namespaceExists(TicksTable.NAMESPACE)) {
            return;
        }
        try {
            namespaces.createNamespace(TicksTable.NAMESPACE);
        } catch (RuntimeException e) {
            if (!namespaces.namespaceExists(TicksTable.NAMESPACE)) {
                throw e;
            }
        }
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The catalog's URI, for messages. */
    public String uri() {
        return uri;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t + ")";
    }

    @Override
    public void close() throws IOException {
        if (catalog instanceof Closeable closeable) {
            closeable.close();
        }
    }
}
