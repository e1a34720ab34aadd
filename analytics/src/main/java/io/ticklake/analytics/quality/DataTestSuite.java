package io.ticklake.analytics.quality;

import io.ticklake.analytics.duckdb.SqlLiterals;
import io.ticklake.analytics.model.ModelDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The data tests a model's header declares, as failing-rows queries over the model's fresh rows (the
 * table named after the model) within the run's range macros {@code range_start()}/{@code range_end()}.
 * Every model also gets {@code within_range}: a row outside the range it was built for would overwrite
 * data of another partition.
 */
public final class DataTestSuite {

    private DataTestSuite() {
    }

    public static List<DataTest> of(ModelDefinition model) {
        String table = SqlLiterals.identifier(model.name());
        List<DataTest> tests = new ArrayList<>();
        String time = "CAST(" + SqlLiterals.identifier(model.timeColumn()) + " AS TIMESTAMPTZ)";
        tests.add(new DataTest("within_range(" + model.timeColumn() + ")",
                "SELECT * FROM " + table + " WHERE " + time + " IS NULL OR " + time + " < range_start() OR "
                        + time + " >= range_end()"));
        if (!model.uniqueKey().isEmpty()) {
            String key = SqlLiterals.identifiers(model.uniqueKey());
            tests.add(new DataTest("unique_key(" + String.join(", ", model.uniqueKey()) + ")",
                    "SELECT " + key + ", count(*) AS occurrences FROM " + table + " GROUP BY " + key
                            + " HAVING count(*) > 1 ORDER BY " + key));
        }
        if (!model.notNull().isEmpty()) {
            String anyNull = model.notNull().stream().map(c -> SqlLiterals.identifier(c) + " IS NULL")
                    .collect(Collectors.joining(" OR "));
            tests.add(new DataTest("not_null(" + String.join(", ", model.notNull()) + ")",
                    "SELECT * FROM " + table + " WHERE " + anyNull));
        }
        for (String expectation : model.expectations()) {
            // a NULL outcome fails too: an expectation that cannot be evaluated is not met
            tests.add(new DataTest("expect(" + expectation + ")",
                    "SELECT * FROM " + table + " WHERE NOT coalesce((" + expectation + "), false)"));
        }
        for (String macro : model.tests()) {
            tests.add(new DataTest(macro, "SELECT * FROM " + macro + "(" + SqlLiterals.string(model.name()) + ")"));
        }
        return tests;
    }
}
