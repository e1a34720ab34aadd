package io.ticklake.lake.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.lake.LakeUri;
import io.ticklake.lake.RawTickColumns;
import io.ticklake.lake.S3Settings;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeCatalogTest {

    @TempDir
    Path dir;

    @Test
    void aLocalLakeGetsTheTableInItsOwnSqliteCatalogWithTheContractDefinition() throws Exception {
        LakeUri lake = LakeUri.parse(dir.toUri().toString());
        try (LakeCatalog catalog = LakeCatalog.open(lake, S3Settings.defaults(), CatalogSettings.defaults())) {
            Table created = catalog.ticks();
            assertThat(created.location()).isEqualTo(lake.uri("warehouse") + "/ticklake/ticks");
        }
        assertThat(dir.resolve("catalog/iceberg.db")).exists();

        // a second process opening the same settings sees the same table
        try (LakeCatalog again = LakeCatalog.open(lake, S3Settings.defaults(), CatalogSettings.defaults())) {
            Table table = again.existingTicks().orElseThrow();
            assertThat(table.schema().columns()).extracting(Types.NestedField::name).isEqualTo(RawTickColumns.ALL);
            assertThat(table.schema().sameSchema(TicksTable.SCHEMA)).isTrue();
            assertThat(table.spec().fields()).singleElement()
                    .satisfies(f -> assertThat(f.transform().toString()).isEqualTo("hour"));
            assertThat(table.sortOrder().fields()).hasSize(2);
            assertThat(((org.apache.iceberg.HasTableOperations) table).operations().current().formatVersion()).isEqualTo(2);
            assertThat(table.currentSnapshot()).isNull();
        }
    }

    @Test
    void theHourFilterSelectsExactlyOnePartition() {
        Instant hour = Instant.parse("2026-11-20T14:00:00Z");
        var filter = TicksTable.hourFilter(hour);
        var projected = org.apache.iceberg.expressions.Projections.strict(TicksTable.SPEC).project(filter);
        int hours = TicksTable.partition(hour).get(0, Integer.class);

        // strictly inside the hour's partition (hour - 1 < h < hour + 1), so whole files of it can be replaced
        assertThat(projected.toString()).isEqualTo(Expressions.and(Expressions.greaterThan("event_time_hour", hours - 1),
                Expressions.lessThan("event_time_hour", hours + 1)).toString());
        assertThat(TicksTable.hourOf(TicksTable.partition(hour))).isEqualTo(hour);
    }

    @Test
    void theHoursFilterSelectsExactlyThePartitionsOfTheRange() {
        Instant from = Instant.parse("2026-11-20T14:00:00Z");
        Instant to = Instant.parse("2026-11-20T17:00:00Z");
        var projected = org.apache.iceberg.expressions.Projections.strict(TicksTable.SPEC)
                .project(TicksTable.hoursFilter(from, to));
        int first = TicksTable.partition(from).get(0, Integer.class);
        int end = TicksTable.partition(to).get(0, Integer.class);

        assertThat(projected.toString()).isEqualTo(Expressions.and(Expressions.greaterThan("event_time_hour", first - 1),
                Expressions.lessThan("event_time_hour", end)).toString());
    }

    @Test
    void anUnreachableRestCatalogIsNamedInTheError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        String uri = "http://127.0.0.1:" + port + "/catalog";
        CatalogSettings rest = new CatalogSettings("rest", uri, null, Map.of());

        assertThatThrownBy(() -> LakeCatalog.open(LakeUri.parse(dir.toString()), S3Settings.defaults(), rest).ticks())
                .isInstanceOf(LakeCatalogException.class).hasMessageContaining(uri);
    }

    @Test
    void badCatalogSettingsAreRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> new CatalogSettings("hadoop", null, null, Map.of()))
                .hasMessageContaining("catalog type 'hadoop' is not supported (allowed: jdbc, rest)");
        assertThatThrownBy(() -> new CatalogSettings("rest", null, null, Map.of())).hasMessageContaining("uri");
        assertThatThrownBy(() -> CatalogSettings.defaults().resolvedUri(LakeUri.parse("s3://lake")))
                .hasMessageContaining("catalog-uri");
    }

    @Test
    void aRestCatalogsSecretsComeFromTheEnvironmentAndNeverAsProperties() {
        CatalogSettings rest = new CatalogSettings("rest", "https://catalog.example/api", null,
                Map.of("header.X-Tenant", "desk"));

        CatalogSettings withSecrets = rest.withSecretsFrom(Map.of("TICKLAKE_CATALOG_CREDENTIAL", "client:s3cr3t"));

        assertThat(withSecrets.extra()).containsOnly(Map.entry("header.X-Tenant", "desk"),
                Map.entry("credential", "client:s3cr3t"));
        assertThat(withSecrets.toString()).doesNotContain("s3cr3t");
        CatalogSettings asProperty = new CatalogSettings("rest", "https://catalog.example/api", null,
                Map.of("token", "t0ken"));
        assertThatThrownBy(() -> asProperty.withSecretsFrom(Map.of()))
                .hasMessageContaining("TICKLAKE_CATALOG_TOKEN").hasMessageNotContaining("t0ken");
    }
}
