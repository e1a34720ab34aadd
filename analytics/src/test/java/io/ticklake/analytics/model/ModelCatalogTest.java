package io.ticklake.analytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.analytics.AnalyticsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCatalogTest {

    private static ModelDefinition model(String name, String... dependsOn) {
        String header = dependsOn.length == 0 ? "" : "-- depends_on: " + String.join(", ", dependsOn) + "\n";
        return ModelFileParser.parse(name, header + "-- time_column: t\n-- unique_key: k\nSELECT 1", name + ".sql");
    }

    @Test
    void ordersByDependencyThenName() {
        ModelCatalog catalog = ModelCatalog.of(List.of(model("d", "b", "c"), model("c", "a"), model("b", "a"),
                model("a"), model("e")), List.of());
        assertThat(catalog.models()).extracting(ModelDefinition::name).containsExactly("a", "b", "c", "d", "e");
        assertThat(catalog.dependentsOf("a")).extracting(ModelDefinition::name).containsExactly("b", "c");
    }

    @Test
    void reportsACycleAlongItsEdges() {
        assertThatThrownBy(() -> ModelCatalog.of(List.of(model("a"), model("b", "a", "d"), model("c", "b"),
                model("d", "c")), List.of()))
                .hasMessageContaining("dependency cycle: b -> d -> c -> b");
    }

    @Test
    void refusesUnknownDependenciesReservedAndDuplicateNames() {
        assertThatThrownBy(() -> ModelCatalog.of(List.of(model("a", "missing")), List.of()))
                .hasMessageContaining("a.sql: depends on unknown model 'missing'");
        assertThatThrownBy(() -> ModelCatalog.of(List.of(model("compacted_ticks")), List.of()))
                .hasMessageContaining("'compacted_ticks' is a reserved name");
        assertThatThrownBy(() -> ModelCatalog.of(List.of(model("a"), model("a")), List.of()))
                .hasMessageContaining("two models are named 'a'");
    }

    @Test
    void loadsADirectoryWithMacrosInNameOrder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("base.sql"), "-- materialized: table\n-- time_column: t\nSELECT 1 AS t");
        Files.writeString(dir.resolve("top.sql"), "-- depends_on: base\n-- time_column: t\n-- unique_key: t\nSELECT * FROM base");
        Files.writeString(dir.resolve("notes.txt"), "not a model");
        Files.createDirectories(dir.resolve("macros"));
        Files.writeString(dir.resolve("macros/b.sql"), "SELECT 2");
        Files.writeString(dir.resolve("macros/a.sql"), "SELECT 1");

        ModelCatalog catalog = ModelCatalog.fromDirectory(dir);
        assertThat(catalog.models()).extracting(ModelDefinition::name).containsExactly("base", "top");
        assertThat(catalog.macroScripts()).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void aBrokenModelFileIsNamedInTheError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.sql"), "-- materialised: table\n-- time_column: t\nSELECT 1");
        assertThatThrownBy(() -> ModelCatalog.fromDirectory(dir)).isInstanceOf(AnalyticsException.class)
                .hasMessageContaining("broken.sql: unknown header key 'materialised'");
    }

    @Test
    void theBuiltInModelsLoad() {
        ModelCatalog catalog = ModelCatalog.builtIn();
        assertThat(catalog.models()).extracting(ModelDefinition::name).startsWith("stg_ticks", "ohlcv_1m")
                .endsWith("data_quality_hourly")
                .contains("ohlcv_5m", "ohlcv_1h", "daily_summary", "moving_averages", "volatility", "min_max_avg");
        assertThat(catalog.macroScripts()).hasSize(2);
    }
}
