package io.ticklake.analytics.run;

import io.ticklake.analytics.AnalyticsException;
import io.ticklake.analytics.duckdb.DuckDbSession;
import io.ticklake.analytics.duckdb.SqlLiterals;
import io.ticklake.analytics.lake.CompactedTicksViews;
import io.ticklake.analytics.lake.ModelPartitions;
import io.ticklake.analytics.lake.RawViews;
import io.ticklake.analytics.lake.TableHour;
import io.ticklake.analytics.lake.TableSnapshot;
import io.ticklake.analytics.model.Materialization;
import io.ticklake.analytics.model.ModelCatalog;
import io.ticklake.analytics.model.ModelDefinition;
import io.ticklake.analytics.time.TimeRange;
import io.ticklake.lake.LakeUri;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Gives a model's SQL the names it reads: {@code compacted_ticks}/{@code compacted_hours} over the
 * planned data files of the hours it covers (models reading the lake), {@code raw_ticks} and {@code raw_dead_letters} over the
 * raw files of those hours and its look-ahead (models whose source is the raw layer), {@code raw_alerts} likewise
 * (source {@code alerts}), and for each published model it depends on a view over the
 * day files its range and look-back need. Table models are already there as tables.
 */
final class ModelInputs {

    private final DuckDbSession session;
    private final ModelCatalog catalog;
    private final TableSnapshot snapshot;
    private final ModelPartitions partitions;
    private final RunListener listener;
    private final LakeUri lake;

    ModelInputs(DuckDbSession session, ModelCatalog catalog, TableSnapshot snapshot, ModelPartitions partitions,
                RunListener listener, LakeUri lake) {
        this.session = session;
        this.lake = lake;
        this.catalog = catalog;
        this.snapshot = snapshot;
        this.partitions = partitions;
        this.listener = listener;
    }

    void prepare(ModelDefinition model, TimeRange range) throws SQLException {
        TimeRange needed = range.extendStart(model.lookback());
        if (model.readsLake()) {
            TimeRange raw = needed.extendEnd(model.lookahead());
            switch (model.source()) {
                case RAW -> {
                    session.execute(RawViews.ticks(session, lake, raw));
                    session.execute(RawViews.deadLetters(session, lake, raw));
                }
                case ALERTS -> session.execute(RawViews.alerts(session, lake, raw));
                case COMPACTED -> prepareLake(needed);
            }
        }
        for (String dependency : model.dependsOn()) {
            if (catalog.model(dependency).materialization() == Materialization.PARQUET) {
                prepareModelView(model, dependency, needed);
            }
        }
    }

    private void prepareLake(TimeRange needed) throws SQLException {
        Collection<TableHour> hours = snapshot.hoursIn(needed).values();
        long expected = Duration.between(needed.start(), needed.end()).toHours();
        if (hours.size() < expected) {
            listener.message((expected - hours.size()) + " of the " + expected + " hours in " + needed
                    + " have no data files in " + snapshot + "; they count as empty");
        }
        session.execute(CompactedTicksViews.ticksView(hours));
        session.execute(CompactedTicksViews.hoursView(hours));
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
