package io.ticklake.analytics.run;

import io.ticklake.analytics.AnalyticsConfig;
import io.ticklake.analytics.AnalyticsException;
import io.ticklake.analytics.duckdb.DuckDbSession;
import io.ticklake.analytics.duckdb.SqlLiterals;
import io.ticklake.analytics.lake.BuiltHours;
import io.ticklake.analytics.lake.LakeAccess;
import io.ticklake.analytics.lake.ModelPartitions;
import io.ticklake.analytics.lake.PartitionWriter;
import io.ticklake.analytics.lake.SideTables;
import io.ticklake.analytics.lake.TableSnapshot;
import io.ticklake.analytics.lake.TicksTableReader;
import io.ticklake.analytics.model.Materialization;
import io.ticklake.analytics.model.ModelCatalog;
import io.ticklake.analytics.model.ModelDefinition;
import io.ticklake.analytics.quality.DataTestRunner;
import io.ticklake.analytics.quality.QualityCheck;
import io.ticklake.analytics.quality.ThresholdBreach;
import io.ticklake.analytics.time.Grain;
import io.ticklake.analytics.time.TimeRange;
import io.ticklake.lake.table.TicksTable;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * Runs the models over a lake: reads the current snapshot of {@code ticklake.ticks} once, decides which
 * ranges of hours to rebuild (the scope's, or the hours whose data changed since they were built), plans
 * each model's range, then for each model in dependency order
 * computes its rows, runs its data tests and, only if they pass, publishes them. A failing model stops the
 * run; the models before it stay published (each is consistent on its own), the ones after it keep their
 * previous partitions.
 */
public final class AnalyticsRunner {

    private final AnalyticsConfig config;
    private final ModelCatalog catalog;
    private final RunListener listener;

    public AnalyticsRunner(AnalyticsConfig config, ModelCatalog catalog, RunListener listener) {
        this.config = config;
        this.catalog = catalog;
        this.listener = listener;
    }

    /** With the models the configuration names (a directory, else the built-in ones). */
    public static AnalyticsRunner create(AnalyticsConfig config, RunListener listener) {
        ModelCatalog catalog = config.modelsDirectory().map(ModelCatalog::fromDirectory).orElseGet(ModelCatalog::builtIn);
        return new AnalyticsRunner(config, catalog, listener);
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    public RunResult run(BuildScope scope) {
        long started = System.nanoTime();
        TableSnapshot snapshot = new TicksTableReader(config.lake(), config.s3(), config.catalog()).current();
        List<TimeRange> ranges;
        NavigableMap<Instant, String> identities;
        try (DuckDbSession session = openSession()) {
            BuiltHours built = new BuiltHours(session, config.lake());
            identities = sideTables(session).identities(snapshot);
            ranges = scope.ranges(identities, built.read());
            if (ranges.isEmpty()) {
                listener.message(snapshot.isEmpty()
                        ? "nothing to build: " + TicksTable.IDENTIFIER + " has no data yet (" + snapshot + ")"
                        : "nothing to build: every hour of " + TicksTable.IDENTIFIER + " " + snapshot
                                + " and of the raw alerts and dead letters is as the models were built from it ("
                                + built.path() + ")");
                return new RunResult(scope, snapshot.toString(), ranges, List.of(), elapsedMillis(started));
            }
        }
        List<List<ModelResult>> passes = new ArrayList<>();
        for (TimeRange changed : ranges) {
            // a session per pass: the tables and views of one pass must not leak into the next
            try (DuckDbSession session = openSession()) {
                passes.add(runPass(session, snapshot, changed));
                // only now do the models of these hours reflect the snapshot
                new BuiltHours(session, config.lake()).record(changed, snapshot, identities);
            }
        }
        return new RunResult(scope, snapshot.toString(), ranges, RunResult.combine(passes), elapsedMillis(started));
    }

    /**
     * Checks the published rows of the models' threshold columns in {@code hours} (empty: everything
     * published); returns every row above a warn or fail level.
     *
     * @throws IllegalArgumentException when a configured level names a column no model declares
     */
    public List<ThresholdBreach> checkQuality(Optional<TimeRange> hours) {
        try (DuckDbSession session = openSession()) {
            return new QualityCheck(session, catalog, new ModelPartitions(config.lake()), config.quality()).run(hours);
        }
    }

    /** The raw alert and dead-letter files per hour, which the models read beside the table. */
    private SideTables sideTables(DuckDbSession session) {
        try {
            return SideTables.list(session, config.lake());
        } catch (SQLException e) {
            throw new AnalyticsException("cannot list the raw alert and dead-letter files of " + config.lake() + ": "
                    + e.getMessage(), e);
        }
    }

    private DuckDbSession openSession() {
        DuckDbSession session = DuckDbSession.open(config.duckDb());
        try {
            LakeAccess.configure(session, config.lake(), config.s3(), config.duckDb().extensionDirectory());
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private List<ModelResult> runPass(DuckDbSession session, TableSnapshot snapshot, TimeRange changed) {
        runMacros(session);
        defineSettings(session);
        ModelPartitions partitions = new ModelPartitions(config.lake());
        ModelInputs inputs = new ModelInputs(session, catalog, snapshot, partitions, listener, config.lake());
        ModelPublisher publisher = new ModelPublisher(session, partitions, PartitionWriter.forLake(config.lake()));
        DataTestRunner tests = new DataTestRunner(session);
        Instant dataEnd = snapshot.isEmpty() ? changed.end() : snapshot.hours().lastKey().plus(Duration.ofHours(1));
        Instant clipEnd = Grain.DAY.ceil(dataEnd.isAfter(changed.end()) ? dataEnd : changed.end());
        BuildPlan plan = BuildPlanner.plan(catalog, changed, clipEnd);
        listener.planned(plan);
        List<ModelResult> results = new ArrayList<>();
        for (ModelDefinition model : catalog.models()) {
            TimeRange range = plan.rangeOf(model.name());
            if (range.isEmpty()) {
                results.add(new ModelResult(model.name(), range, 0, 0, 0, 0));
                continue;
            }
            listener.modelStarted(model.name(), range);
            ModelResult result = runModel(session, model, range, inputs, tests, publisher);
            listener.modelFinished(result);
            results.add(result);
        }
        return results;
    }

    private ModelResult runModel(DuckDbSession session, ModelDefinition model, TimeRange range, ModelInputs inputs,
                                 DataTestRunner tests, ModelPublisher publisher) {
        long started = System.nanoTime();
        String table = SqlLiterals.identifier(model.name());
        long rows;
        try {
            session.execute("CREATE OR REPLACE TEMP MACRO range_start() AS " + SqlLiterals.timestamp(range.start()));
            session.execute("CREATE OR REPLACE TEMP MACRO range_end() AS " + SqlLiterals.timestamp(range.end()));
            inputs.prepare(model, range);
            session.execute("CREATE OR REPLACE TEMP TABLE " + table + " AS (\n" + model.sql() + "\n)");
            rows = session.queryLong("SELECT count(*) FROM " + table);
        } catch (SQLException e) {
            throw new AnalyticsException("model '" + model.name() + "' (" + model.origin() + ") failed for " + range
                    + ": " + e.getMessage(), e);
        }
        int testsRun = tests.run(model);
        int written = 0;
        if (model.materialization() == Materialization.PARQUET) {
            try {
                written = publisher.publish(model, range);
                // readers of this model from now on read what was published
                session.execute("DROP TABLE " + table);
            } catch (SQLException e) {
                throw new AnalyticsException("publishing model '" + model.name() + "' for " + range + " failed: "
                        + e.getMessage(), e);
            }
        }
        return new ModelResult(model.name(), range, rows, written, testsRun, elapsedMillis(started));
    }

    private void runMacros(DuckDbSession session) {
        for (String script : catalog.macroScripts()) {
            try {
                session.execute(script);
            } catch (SQLException e) {
                throw new AnalyticsException("a macro script of the models failed: " + e.getMessage(), e);
            }
        }
    }

    /** Settings the models read as macros. */
    private void defineSettings(DuckDbSession session) {
        try {
            session.execute("CREATE OR REPLACE TEMP MACRO late_grace_ms() AS " + config.quality().graceMs() + "::BIGINT");
        } catch (SQLException e) {
            throw new AnalyticsException("cannot define the models' settings: " + e.getMessage(), e);
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
