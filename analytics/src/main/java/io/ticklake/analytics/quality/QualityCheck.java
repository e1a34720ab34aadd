package io.ticklake.analytics.quality;

import io.ticklake.analytics.AnalyticsException;
import io.ticklake.analytics.duckdb.DuckDbSession;
import io.ticklake.analytics.duckdb.SqlLiterals;
import io.ticklake.analytics.lake.ModelPartitions;
import io.ticklake.analytics.model.ModelCatalog;
import io.ticklake.analytics.model.ModelDefinition;
import io.ticklake.analytics.model.Threshold;
import io.ticklake.analytics.time.TimeRange;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the published rows of every model that declares {@code threshold} columns against their warn and
 * fail levels (the model's defaults, overridden by configuration), within a range of hours or over
 * everything published. It reads what the models published, so it runs after them and can be repeated.
 */
public final class QualityCheck {

    private final DuckDbSession session;
    private final ModelCatalog catalog;
    private final ModelPartitions partitions;
    private final QualitySettings settings;

    public QualityCheck(DuckDbSession session, ModelCatalog catalog, ModelPartitions partitions, QualitySettings settings) {
        this.session = session;
        this.catalog = catalog;
        this.partitions = partitions;
        this.settings = settings;
        requireKnownColumns();
    }

    /**
     * Every row above a level, warnings and failures, in model, column and key order.
     *
     * @param range the hours to check (by the model's time column), or empty for every published row
     */
    public List<ThresholdBreach> run(Optional<TimeRange> range) {
        List<ThresholdBreach> breaches = new ArrayList<>();
        for (ModelDefinition model : catalog.models()) {
            if (model.thresholds().isEmpty()) {
                continue;
            }
            List<String> files = publishedFiles(model, range);
            if (files.isEmpty()) {
                continue;
            }
            for (Threshold declared : model.thresholds()) {
                Threshold threshold = settings.apply(declared);
                // a failing row is reported once, as a failure
                check(model, files, range, threshold.column(), "fail", threshold.fail(), OptionalDouble.empty(), breaches);
                check(model, files, range, threshold.column(), "warn", threshold.warn(), threshold.fail(), breaches);
            }
        }
        return breaches;
    }

    private void check(ModelDefinition model, List<String> files, Optional<TimeRange> range, String column, String level,
                       OptionalDouble limit, OptionalDouble upTo, List<ThresholdBreach> out) {
        if (limit.isEmpty()) {
            return;
        }
        String value = SqlLiterals.identifier(column);
        String time = SqlLiterals.identifier(model.timeColumn());
        StringBuilder sql = new StringBuilder("SELECT ");
        for (String key : model.uniqueKey()) {
            sql.append("CAST(").append(SqlLiterals.identifier(key)).append(" AS VARCHAR) AS ")
                    .append(SqlLiterals.identifier(key)).append(", ");
        }
        sql.append(value).append("::DOUBLE AS breach_value FROM read_parquet(").append(SqlLiterals.stringList(files))
                .append(", hive_partitioning = false) WHERE ").append(value).append(" > ").append(limit.getAsDouble());
        upTo.ifPresent(u -> sql.append(" AND ").append(value).append(" <= ").append(u));
        range.ifPresent(r -> sql.append(" AND ").append(time).append(" >= ").append(SqlLiterals.timestamp(r.start()))
                .append(" AND ").append(time).append(" < ").append(SqlLiterals.timestamp(r.end())));
        sql.append(" ORDER BY ").append(SqlLiterals.identifiers(model.uniqueKey()));
        try {
            for (Map<String, Object> row : session.queryRows(sql.toString(), Integer.MAX_VALUE)) {
                Map<String, String> key = new LinkedHashMap<>();
                model.uniqueKey().forEach(k -> key.put(k, String.valueOf(row.get(k))));
                out.add(new ThresholdBreach(level, model.name(), column, limit.getAsDouble(),
                        ((Number) row.get("breach_value")).doubleValue(), key));
            }
        } catch (SQLException e) {
            throw new AnalyticsException("checking " + column + " of model '" + model.name() + "' failed: "
                    + e.getMessage(), e);
        }
    }

    private List<String> publishedFiles(ModelDefinition model, Optional<TimeRange> range) {
        try {
            return session.queryStrings("SELECT file FROM glob(" + SqlLiterals.string(partitions.allFiles(model.name()))
                            + ") ORDER BY file").stream()
                    .filter(f -> range.isEmpty() || TimeRange.day(ModelPartitions.dayOf(f)).overlaps(range.get()))
                    .toList();
        } catch (SQLException e) {
            throw new AnalyticsException("cannot list the published files of model '" + model.name() + "': "
                    + e.getMessage(), e);
        }
    }

    /** A level set for a column no model declares would be silently ignored: refuse it, naming the option. */
    private void requireKnownColumns() {
        Set<String> known = new TreeSet<>();
        catalog.models().forEach(m -> m.thresholds().forEach(t -> known.add(t.column())));
        for (String option : settings.overrides().keySet()) {
            if (!known.contains(QualitySettings.column(option))) {
                throw new IllegalArgumentException("--" + option + ": no model declares a threshold on '"
                        + QualitySettings.column(option) + "' (thresholds: " + String.join(", ", known) + ")");
            }
        }
    }
}
