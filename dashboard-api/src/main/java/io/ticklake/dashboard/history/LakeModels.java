package io.ticklake.dashboard.history;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.ticklake.analytics.AnalyticsConfig;
import io.ticklake.analytics.duckdb.DuckDbSession;
import io.ticklake.analytics.duckdb.SqlLiterals;
import io.ticklake.analytics.lake.LakeAccess;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duckdb.DuckDBConnection;

/**
 * Reads the analytics models' Parquet files ({@code <lake>/models/<model>/year=/month=/day=/*.parquet})
 * with an embedded DuckDB, set up as analytics sets itself up (same lake URI, same {@code TICKLAKE_S3_*}
 * and {@code TICKLAKE_DUCKDB_*} environment, httpfs and an S3 secret for an S3 lake). One in-memory
 * database; each query runs on a connection of its own, so queries run in parallel.
 */
@Context
public class LakeModels implements AutoCloseable {

    private final Optional<AnalyticsConfig> config;
    private DuckDbSession session;

    /**
     * @param lake the lake root ({@code ticklake.lake}, environment {@code TICKLAKE_LAKE}); unset: no history
     */
    public LakeModels(@Property(name = "ticklake.lake") @Nullable String lake,
                      @Property(name = "ticklake.history.duckdb-memory-limit", defaultValue = "512MB") String memory,
                      @Property(name = "ticklake.history.duckdb-threads", defaultValue = "2") String threads) {
        if (lake == null || lake.isBlank()) {
            this.config = Optional.empty();
        } else {
            Map<String, String> options = new HashMap<>();
            options.put("lake", lake.trim());
            options.put("memory-limit", memory);
            options.put("threads", threads);
            // a bad lake URI or S3 setting stops the start, naming the setting
            this.config = Optional.of(AnalyticsConfig.from(options, System.getenv()));
        }
    }

    /** The lake root, if one is configured. */
    public Optional<String> lake() {
        return config.map(c -> c.lake().toString());
    }

    /**
     * Runs {@code select ... FROM model ... } where {@code model} stands for the model's files: the SQL
     * must contain {@code {model}} where the table goes, and takes {@code parameters} in order.
     */
    public <T> List<T> query(String model, String sql, List<Object> parameters, RowMapper<T> mapper) {
        AnalyticsConfig lakeConfig = config.orElseThrow(() -> new ModelNotAvailableException(
                "no lake is configured: set ticklake.lake (TICKLAKE_LAKE) to read the analytics models"));
        String files = "read_parquet(" + SqlLiterals.string(lakeConfig.lake().duckDbPath("models/" + model)
                + "/*/*/*/*.parquet") + ", hive_partitioning = false, union_by_name = true)";
        try (Connection connection = connection();
             PreparedStatement statement = connection.prepareStatement(sql.replace("{model}", files))) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    rows.add(mapper.map(resultSet));
                }
            }
            return rows;
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("No files found")) {
                throw new ModelNotAvailableException("the analytics model '" + model + "' has no files under "
                        + lakeConfig.lake().duckDbPath("models/" + model) + " yet");
            }
            throw new IllegalStateException("cannot read the analytics model '" + model + "': " + e.getMessage(), e);
        }
    }

    private synchronized Connection connection() throws SQLException {
        if (session == null) {
            AnalyticsConfig lakeConfig = config.orElseThrow();
            DuckDbSession opened = DuckDbSession.open(lakeConfig.duckDb());
            LakeAccess.configure(opened, lakeConfig.lake(), lakeConfig.s3(), lakeConfig.duckDb().extensionDirectory());
            session = opened;
        }
        return ((DuckDBConnection) session.connection()).duplicate();
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /** Turns the current row into a value. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }
}
