package io.ticklake.spark.compaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceFingerprintTest {

    @Test
    void dependsOnNamesAndSizesNotOnListingOrder() {
        Map<String, Long> listed = new LinkedHashMap<>();
        listed.put("b.parquet", 20L);
        listed.put("a.parquet", 10L);
        String fingerprint = SourceFingerprint.of(listed);
        assertThat(fingerprint).startsWith("sha256:").isEqualTo(SourceFingerprint.of(Map.of("a.parquet", 10L,
                "b.parquet", 20L)));
        assertThat(SourceFingerprint.of(Map.of("a.parquet", 10L, "b.parquet", 21L))).isNotEqualTo(fingerprint);
        assertThat(SourceFingerprint.of(Map.of("a.parquet", 10L))).isNotEqualTo(fingerprint);
    }
}
