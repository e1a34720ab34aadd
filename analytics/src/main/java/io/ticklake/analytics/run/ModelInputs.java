package io.ticklake.analytics.run;

import io.ticklake.analytics.AnalyticsException;
import io.ticklake.analytics.duckdb.DuckDbSession;
import io.ticklake.analytics.duckdb.SqlLiterals;
import io.ticklake.analytics.lake.CompactedHour;
import io.ticklake.analytics.lake.CompactedTicksSource;
import io.ticklake.analytics.lake.ManifestReader;
import io.ticklake.analytics.lake.ModelPartitions;
import io.ticklake.analytics.model.Materialization;
import io.ticklake.analytics.model.ModelCatalog;
import io.ticklake.analytics.model.ModelDefinition;
import io.ticklake.analytics.time.TimeRange;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

/**
 * Gives a model's SQL the names it reads: {@code compacted_ticks}/{@code compacted_manifests} for the
 * hours it covers (models reading the lake), and for each published model it depends on a view over the
 * day files its range and look-back need. Table models are already there as tables.
 */
final class ModelInputs {

    private final DuckDbSession session;
    private final ModelCatalog catalog;
    private final ManifestReader manifests;
    private final NavigableMap<Instant, String> published;
    private final ModelPartitions partitions;
    private final RunListener listener;

    ModelInputs(DuckDbSession session, ModelCatalog catalog, ManifestReader manifests,
                NavigableMap<Instant, String> published, ModelPartitions partitions, RunListener listener) {
        this.session = session;
        this.catalog = catalog;
        this.manifests = manifests;
        this.published = published;
        this.partitions = partitions;
        this.listener = listener;
    }

    void prepare(ModelDefinition model, TimeRange range) throws SQLException {
        TimeRange needed = range.extendStart(model.lookback());
        if (model.readsLake()) {
            prepareLake(needed);
        }
        for (String dependency : model.dependsOn()) {
            if (catalog.model(dependency).materialization() == Materialization.PARQUET) {
                prepareModelView(model, dependency, needed);
            }
        }
    }

    private void prepareLake(TimeRange needed) throws SQLException {
        List<CompactedHour> hours = manifests.read(
                published.subMap(needed.start(), true, needed.end(), false).values());
        long expected = Duration.between(needed.start(), needed.end()).toHours();
        if (hours.size() < expected) {
            listener.message((expected - hours.size()) + " of the " + expected + " hours in " + needed
                    + " have no published compacted data (no _manifest.json); they count as empty");
        }
        List<String> files = new ArrayList<>();
        hours.forEach(h -> files.addAll(h.files()));
        session.execute(CompactedTicksSource.ticksView(files));
        session.execute(CompactedTicksSource.manifestsView(hours));
    }

    private void prepareModelView(ModelDefinition model, String dependency, TimeRange needed) throws SQLException {
        List<String> files = new ArrayList<>();
        for (String file : session.queryStrings("SELECT file FROM glob("
                + SqlLiterals.string(partitions.allFiles(dependency)) + ") ORDER BY file")) {
            if (TimeRange.day(ModelPartitions.dayOf(file)).overlaps(needed)) {
                files.add(file);
            }
        }
        if (files.isEmpty()) {
            throw new AnalyticsException("model '" + model.name() + "' reads '" + dependency + "' for " + needed
                    + " but no partition of it is published under " + partitions.modelRoot(dependency));
        }
        session.execute("CREATE OR REPLACE TEMP VIEW " + SqlLiterals.identifier(dependency)
                + " AS SELECT * FROM read_parquet(" + SqlLiterals.stringList(files) + ", hive_partitioning = false)");
    }
}
