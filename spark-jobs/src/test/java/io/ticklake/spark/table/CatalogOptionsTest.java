package io.ticklake.spark.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.lake.table.CatalogSettings;
import io.ticklake.spark.maintenance.MaintenanceOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogOptionsTest {

    @Test
    void theCatalogComesFromTheSameVariablesAsAnalyticsReadsWhenNoOptionNamesIt() {
        Map<String, String> environment = Map.of("TICKLAKE_CATALOG_URI", "jdbc:sqlite:/home/u/.ticklake/catalog/iceberg.db",
                "TICKLAKE_CATALOG_WAREHOUSE", "s3a://lake/warehouse");

        CatalogSettings fromEnvironment = CatalogOptions.settings(
                MaintenanceOptions.parse(Map.of("lake", "s3a://lake")), environment);
        CatalogSettings optionWins = CatalogOptions.settings(
                MaintenanceOptions.parse(Map.of("lake", "s3a://lake", "catalog-uri", "jdbc:sqlite:/other.db")), environment);

        assertThat(fromEnvironment.type()).isEqualTo("jdbc");
        assertThat(fromEnvironment.uri()).isEqualTo("jdbc:sqlite:/home/u/.ticklake/catalog/iceberg.db");
        assertThat(fromEnvironment.warehouse()).isEqualTo("s3a://lake/warehouse");
        assertThat(optionWins.uri()).isEqualTo("jdbc:sqlite:/other.db");
    }
}
