package io.ticklake.analytics.model;

import io.ticklake.analytics.time.Grain;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One SQL model: its query and what its header declares.
 *
 * @param name            table name the model's rows get, and the name other models and tests use
 * @param sql             a single SELECT producing the model's rows for {@code [range_start(), range_end())}
 * @param dependsOn       models the query reads
 * @param materialization where the rows are kept
 * @param grain           unit the model is computed and rebuilt in
 * @param lookback        how far before its range the query reads its inputs (moving windows, previous close)
 * @param source          what a model reading no other model reads: the compacted table or the raw layer
 * @param lookahead       how far after its range the query reads its inputs (only for models reading the
 *                        lake: judging a tick needs the ticks that reached Kafka before it, whatever their hour)
 * @param timeColumn      column that places a row in time; decides which partition and range a row belongs to
 * @param uniqueKey       columns that identify a row (tested unique; also the sort order of the output)
 * @param notNull         columns tested for nulls
 * @param expectations    boolean SQL expressions every row must satisfy
 * @param tests           test macros run as {@code SELECT * FROM <macro>('<model>')}; rows returned are failures
 * @param thresholds      columns the {@code quality} command checks against warn and fail levels
 * @param origin          where the definition came from, for messages
 */
public record ModelDefinition(
        String name,
        String sql,
        List<String> dependsOn,
        Materialization materialization,
        Grain grain,
        Duration lookback,
        Source source,
        Duration lookahead,
        String timeColumn,
        List<String> uniqueKey,
        List<String> notNull,
        List<String> expectations,
        List<String> tests,
        List<Threshold> thresholds,
        String origin) {

    public ModelDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
        dependsOn = List.copyOf(dependsOn);
        Objects.requireNonNull(materialization, "materialization");
        Objects.requireNonNull(grain, "grain");
        Objects.requireNonNull(lookback, "lookback");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(lookahead, "lookahead");
        Objects.requireNonNull(timeColumn, "timeColumn");
        uniqueKey = List.copyOf(uniqueKey);
        notNull = List.copyOf(notNull);
        expectations = List.copyOf(expectations);
        tests = List.copyOf(tests);
        thresholds = List.copyOf(thresholds);
        Objects.requireNonNull(origin, "origin");
    }

    /** True for models that read no other model: they read the compacted lake. */
    public boolean readsLake() {
        return dependsOn.isEmpty();
    }
}
