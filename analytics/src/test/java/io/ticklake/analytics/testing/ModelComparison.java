package io.ticklake.analytics.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.analytics.model.Materialization;
import io.ticklake.analytics.model.ModelCatalog;
import io.ticklake.analytics.model.ModelDefinition;
import java.util.List;
import java.util.Map;

/** Asserts that two lakes hold the same published rows for every model (doubles equal up to rounding). */
public final class ModelComparison {

    private ModelComparison() {
    }

    public static void assertSameModels(String expectedLake, String actualLake, ModelCatalog catalog) {
        for (ModelDefinition model : catalog.models()) {
            if (model.materialization() != Materialization.PARQUET) {
                continue;
            }
            String order = String.join(", ", model.uniqueKey());
            List<Map<String, Object>> expected = ModelOutput.rows(expectedLake, model.name(), order);
            List<Map<String, Object>> actual = ModelOutput.rows(actualLake, model.name(), order);
            assertThat(actual).as("rows of %s", model.name()).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                Map<String, Object> e = expected.get(i);
                Map<String, Object> a = actual.get(i);
                assertThat(a.keySet()).as("columns of %s", model.name()).containsExactlyElementsOf(e.keySet());
                for (String column : e.keySet()) {
                    Object ev = e.get(column);
                    Object av = a.get(column);
                    String what = model.name() + " row " + e + " column " + column;
                    if (ev instanceof Double ed && av instanceof Double ad) {
                        assertThat(ad).as(what).isCloseTo(ed, org.assertj.core.api.Assertions.within(
                                1e-9 * Math.max(1.0, Math.abs(ed))));
                    } else {
                        assertThat(av).as(what).isEqualTo(ev);
                    }
                }
            }
        }
    }

    /** The day partitions a model has, relative to the lake root. */
    public static List<String> partitions(String lake, String model) {
        return ModelOutput.query(lake, "SELECT replace(file, '" + lake + "/', '') AS f FROM glob('" + lake + "/models/"
                + model + "/year=*/month=*/day=*/part-*.parquet') ORDER BY f").stream()
                .map(r -> (String) r.get("f")).toList();
    }
}
