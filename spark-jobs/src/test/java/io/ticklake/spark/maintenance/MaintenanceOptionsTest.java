package io.ticklake.spark.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.spark.options.InvalidOptionException;
import io.ticklake.spark.options.JobOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaintenanceOptionsTest {

    @Test
    void defaultsAreSafe() {
        JobOptions options = MaintenanceOptions.parse(Map.of("lake", "file:///l"));
        assertThat(options.get(MaintenanceOptions.EXPIRE_OLDER_THAN)).isEqualTo(Duration.ofHours(24));
        assertThat(options.get(MaintenanceOptions.RETAIN_LAST)).isEqualTo(1L);
        assertThat(options.get(MaintenanceOptions.ORPHAN_OLDER_THAN)).isEqualTo(Duration.ofHours(72));
        assertThat(options.get(MaintenanceOptions.SMALL_FILE_THRESHOLD)).isEqualTo(8L);
        assertThat(options.get(MaintenanceOptions.TARGET_FILE_SIZE)).isEqualTo(128L << 20);
        assertThat(options.get(MaintenanceOptions.FORCE)).isFalse();
        // a file rolled at the target is never small
        assertThat(MaintenanceOptions.smallFileLimit(128L << 20)).isEqualTo(96L << 20);
    }

    @Test
    void parsesGivenValuesAndCatalogPassThrough() {
        JobOptions options = MaintenanceOptions.parse(Map.of("lake", "s3a://bucket/lake", "expire-older-than", "2d",
                "retain-last", "5", "orphan-older-than", "PT6H", "small-file-threshold", "20", "target-file-size",
                "64MB", "catalog-uri", "jdbc:sqlite:/tmp/c.db", "catalog.jdbc.user", "u"));
        assertThat(options.get(MaintenanceOptions.EXPIRE_OLDER_THAN)).isEqualTo(Duration.ofDays(2));
        assertThat(options.get(MaintenanceOptions.RETAIN_LAST)).isEqualTo(5L);
        assertThat(options.get(MaintenanceOptions.ORPHAN_OLDER_THAN)).isEqualTo(Duration.ofHours(6));
        assertThat(options.get(MaintenanceOptions.SMALL_FILE_THRESHOLD)).isEqualTo(20L);
        assertThat(options.get(MaintenanceOptions.TARGET_FILE_SIZE)).isEqualTo(64L << 20);
        assertThat(options.withPrefix("catalog.", true)).containsEntry("jdbc.user", "u");
    }

    @Test
    void everyBadValueNamesItsOption() {
        assertThatThrownBy(() -> parse("expire-older-than", "soon")).isInstanceOf(InvalidOptionException.class)
                .hasMessageStartingWith("Option 'expire-older-than'").hasMessageContaining("15m, 1h");
        assertThatThrownBy(() -> parse("retain-last", "0")).hasMessageStartingWith("Option 'retain-last'")
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> parse("orphan-older-than", "-PT1H")).hasMessageStartingWith("Option 'orphan-older-than'")
                .hasMessageContaining("negative");
        // one small file rewritten into one file would be rewritten on every run
        assertThatThrownBy(() -> parse("small-file-threshold", "0")).hasMessageStartingWith("Option 'small-file-threshold'");
        assertThatThrownBy(() -> parse("target-file-size", "1KB")).hasMessageStartingWith("Option 'target-file-size'")
                .hasMessageContaining("between");
        assertThatThrownBy(() -> parse("force", "maybe")).hasMessageStartingWith("Option 'force'")
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> parse("retention", "1h")).hasMessageStartingWith("Option 'retention'")
                .hasMessageContaining("known options").hasMessageContaining("expire-older-than");
        assertThatThrownBy(() -> MaintenanceOptions.parse(Map.of())).hasMessageStartingWith("Option 'lake'");
        assertThatThrownBy(() -> parse("catalog-type", "hive")).hasMessageStartingWith("Option 'catalog-type'");
    }

    @Test
    void retentionBelowAnHourNeedsForce() {
        assertThatThrownBy(() -> parse("expire-older-than", "10m")).isInstanceOf(InvalidOptionException.class)
                .hasMessageStartingWith("Option 'expire-older-than'").hasMessageContaining("--force");
        assertThatThrownBy(() -> parse("orphan-older-than", "59m")).isInstanceOf(InvalidOptionException.class)
                .hasMessageStartingWith("Option 'orphan-older-than'").hasMessageContaining("--force");
        assertThat(parse("expire-older-than", "1h").get(MaintenanceOptions.EXPIRE_OLDER_THAN)).isEqualTo(Duration.ofHours(1));
        assertThat(parse("orphan-older-than", "60m").get(MaintenanceOptions.ORPHAN_OLDER_THAN))
                .isEqualTo(Duration.ofHours(1));

        JobOptions forced = MaintenanceOptions.parse(Map.of("lake", "file:///l", "expire-older-than", "0s",
                "orphan-older-than", "1s", "force", "true"));
        assertThat(forced.get(MaintenanceOptions.EXPIRE_OLDER_THAN)).isZero();
        assertThat(forced.get(MaintenanceOptions.ORPHAN_OLDER_THAN)).isEqualTo(Duration.ofSeconds(1));
    }

    private static JobOptions parse(String key, String value) {
        Map<String, String> given = new HashMap<>();
        given.put("lake", "file:///l");
        given.put(key, value);
        return MaintenanceOptions.parse(given);
    }

    @Test
    void aCatalogCredentialGivenAsAnOptionIsRefusedNamingTheVariableToUse() {
        assertThatThrownBy(() -> MaintenanceOptions.parse(Map.of("lake", "file:///l", "catalog-type", "rest",
                "catalog-uri", "https://catalog.example/api", "catalog.credential", "client:s3cr3t")))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageStartingWith("Option 'catalog.credential'")
                .hasMessageContaining("TICKLAKE_CATALOG_CREDENTIAL")
                .hasMessageNotContaining("s3cr3t");
    }
}
