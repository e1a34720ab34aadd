package io.ticklake.analytics.quality;

import io.ticklake.analytics.AnalyticsException;
import io.ticklake.analytics.duckdb.DuckDbSession;
import io.ticklake.analytics.model.ModelDefinition;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Runs a model's data tests and fails with every failing test and its first rows. */
public final class DataTestRunner {

    /** How many failing rows a report shows per test. */
    public static final int SAMPLE_ROWS = 10;

    private final DuckDbSession session;

    public DataTestRunner(DuckDbSession session) {
        this.session = session;
    }

    /**
     * Runs the tests; returns how many ran.
     *
     * @throws DataTestFailureException when any test found rows
     */
    public int run(ModelDefinition model) {
        List<DataTest> tests = DataTestSuite.of(model);
        List<DataTestFailure> failures = new ArrayList<>();
        for (DataTest test : tests) {
            try {
                long failing = session.queryLong("SELECT count(*) FROM (\n" + test.query() + "\n)");
                if (failing > 0) {
                    failures.add(new DataTestFailure(test.name(), failing,
                            session.queryRows(test.query(), SAMPLE_ROWS)));
                }
            } catch (SQLException e) {
                throw new AnalyticsException("data test " + test.name() + " of model '" + model.name()
                        + "' could not run: " + e.getMessage(), e);
            }
        }
        if (!failures.isEmpty()) {
            throw new DataTestFailureException(model.name(), failures);
        }
        return tests.size();
    }
}
