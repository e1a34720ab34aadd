package io.ticklake.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.analytics.model.Threshold;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyticsConfigTest {

    @Test
    void optionsWinOverTheEnvironmentWhichWinsOverDefaults() {
        AnalyticsConfig config = AnalyticsConfig.from(
                Map.of("lake", "s3a://bucket/lake", "s3-region", "eu-west-1", "threads", "2"),
                Map.of("TICKLAKE_LAKE", "file:///ignored", "TICKLAKE_S3_ENDPOINT", "http://127.0.0.1:9000",
                        "AWS_REGION", "us-west-2", "AWS_ACCESS_KEY_ID", "ak", "AWS_SECRET_ACCESS_KEY", "sk",
                        "TICKLAKE_CACHE", "/cache"));
        assertThat(config.lake().duckDbPath("")).isEqualTo("s3://bucket/lake");
        assertThat(config.s3().region()).isEqualTo("eu-west-1");
        assertThat(config.s3().endpointAuthority()).contains("127.0.0.1:9000");
        assertThat(config.s3().useSsl()).isFalse();
        assertThat(config.s3().pathStyle()).as("an endpoint implies path style").isTrue();
        assertThat(config.s3().accessKey()).contains("ak");
        assertThat(config.duckDb().threads()).contains(2);
        assertThat(config.duckDb().extensionDirectory()).isEqualTo(Path.of("/cache/duckdb/extensions"));
    }

    @Test
    void theLakeMayComeFromTheEnvironmentAlone() {
        AnalyticsConfig config = AnalyticsConfig.from(Map.of(), Map.of("TICKLAKE_LAKE", "/data/lake"));
        assertThat(config.lake().duckDbPath("")).isEqualTo("/data/lake");
        assertThat(config.catalog().uri()).isNull();
        assertThat(config.catalog().resolvedUri(config.lake())).isEqualTo("jdbc:sqlite:/data/lake/catalog/iceberg.db");
        assertThat(config.s3().pathStyle()).isFalse();
        assertThat(config.s3().region()).isEqualTo("us-east-1");
        assertThat(config.modelsDirectory()).isEmpty();
    }

    @Test
    void readsTheCatalogKeysTheSparkJobsUseAndPassesCatalogPropertiesThrough() {
        AnalyticsConfig config = AnalyticsConfig.from(
                Map.of("lake", "s3://bucket/lake", "catalog-uri", "http://127.0.0.1:8181/api/catalog",
                        "catalog.header.X-Tenant", "t1"),
                Map.of("TICKLAKE_CATALOG_TYPE", "rest", "TICKLAKE_CATALOG_WAREHOUSE", "s3://bucket/wh",
                        "TICKLAKE_CATALOG_CREDENTIAL", "id:secret"));
        assertThat(config.catalog().type()).isEqualTo("rest");
        assertThat(config.catalog().uri()).isEqualTo("http://127.0.0.1:8181/api/catalog");
        assertThat(config.catalog().warehouse()).isEqualTo("s3://bucket/wh");
        // S3FileIO's HTTP client is the lake contract's choice (CatalogSettings), not a setting of analytics
        assertThat(config.catalog().extra()).isEqualTo(Map.of("credential", "id:secret", "header.X-Tenant", "t1"));
        config.requireCatalog();

        AnalyticsConfig s3WithoutCatalog = AnalyticsConfig.from(Map.of("lake", "s3://bucket/lake"), Map.of());
        assertThatThrownBy(s3WithoutCatalog::requireCatalog).hasMessageContaining("--catalog-type/--catalog-uri")
                .hasMessageContaining("needs catalog-uri");
        assertThatThrownBy(() -> AnalyticsConfig.from(Map.of("lake", "/l", "catalog.credential", "id:secret"), Map.of()))
                .hasMessageContaining("TICKLAKE_CATALOG_CREDENTIAL").hasMessageNotContaining("id:secret");
        assertThatThrownBy(() -> AnalyticsConfig.from(Map.of("lake", "/l", "catalog-type", "hive"), Map.of()))
                .hasMessageContaining("--catalog-type/--catalog-uri: catalog type 'hive' is not supported");
    }

    @Test
    void namesTheOptionOfABadValue() {
        assertThatThrownBy(() -> AnalyticsConfig.from(Map.of(), Map.of())).hasMessageContaining("--lake (or TICKLAKE_LAKE) is required");
        assertThatThrownBy(() -> AnalyticsConfig.from(Map.of("lake", "/l", "threads", "0"), Map.of()))
                .hasMessageContaining("--threads '0' must be a whole number of at least 1");
        assertThatThrownBy(() -> AnalyticsConfig.from(Map.of("lake", "/l", "memory-limit", "lots"), Map.of()))
                .hasMessageContaining("--memory-limit 'lots'");
        assertThatThrownBy(() -> AnalyticsConfig.from(Map.of("lake", "/l", "s3-path-style", "maybe"), Map.of()))
                .hasMessageContaining("--s3-path-style 'maybe' must be true or false");
        assertThatThrownBy(() -> AnalyticsConfig.from(Map.of("lake", "s3://bk"), Map.of("TICKLAKE_S3_ACCESS_KEY", "ak")))
                .hasMessageContaining("both the S3 access key and the secret key");
        assertThatThrownBy(() -> AnalyticsConfig.from(Map.of("lake", "s3://bk", "s3-secret-key", "hunter2"), Map.of()))
                .hasMessageContaining("--s3-secret-key is not an option: set TICKLAKE_S3_SECRET_KEY or AWS_SECRET_ACCESS_KEY")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void qualitySettingsComeFromOptionsAndTheEnvironment() {
        AnalyticsConfig config = AnalyticsConfig.from(Map.of("lake", "/l", "quality.gap-ratio.fail", "0.05",
                "quality.late-ratio.warn", "off", "catalog.header.X-Tenant", "c"), Map.of("TICKLAKE_QUALITY_GRACE_MS", "2000"));
        assertThat(config.quality().graceMs()).isEqualTo(2000);
        assertThat(config.quality().overrides()).containsOnlyKeys("quality.gap-ratio.fail", "quality.late-ratio.warn");
        Threshold applied = config.quality().apply(Threshold.parse("gap_ratio warn=0.001"));
        assertThat(applied.warn()).hasValue(0.001);
        assertThat(applied.fail()).hasValue(0.05);
        assertThat(config.quality().apply(Threshold.parse("late_ratio warn=0.01")).warn()).isEmpty();
        assertThat(AnalyticsConfig.forLake("/l").quality().graceMs()).isEqualTo(10_000);

        assertThatThrownBy(() -> AnalyticsConfig.from(Map.of("lake", "/l", "quality.grace-ms", "-1"), Map.of()))
                .hasMessageContaining("--quality.grace-ms '-1' must be a whole number of at least 0");
        assertThatThrownBy(() -> AnalyticsConfig.from(Map.of("lake", "/l", "quality.gap-ratio.fail", "5%"), Map.of()))
                .hasMessageContaining("--quality.gap-ratio.fail: '5%' must be a number or off");
    }
}
