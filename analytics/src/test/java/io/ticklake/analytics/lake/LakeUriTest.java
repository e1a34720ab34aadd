package io.ticklake.analytics.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LakeUriTest {

    @Test
    void localLakesBecomeAbsolutePaths() {
        assertThat(LakeUri.parse("file:///data/lake/").root()).isEqualTo("/data/lake");
        assertThat(LakeUri.parse("file:/data/lake").root()).isEqualTo("/data/lake");
        assertThat(LakeUri.parse("/data/lake").isS3()).isFalse();
        assertThat(LakeUri.parse("/data/lake").resolve("models/x")).isEqualTo("/data/lake/models/x");
    }

    @Test
    void s3aAndS3LakesAreReadAsS3() {
        LakeUri lake = LakeUri.parse("s3a://ticklake/prod/");
        assertThat(lake.isS3()).isTrue();
        assertThat(lake.root()).isEqualTo("s3://ticklake/prod");
        assertThat(lake.bucket()).isEqualTo("ticklake");
        assertThat(lake).hasToString("s3a://ticklake/prod/");
        assertThat(LakeUri.parse("s3://ticklake").bucket()).isEqualTo("ticklake");
    }

    @Test
    void refusesOtherSchemesAndEmptyBuckets() {
        assertThatThrownBy(() -> LakeUri.parse("hdfs://nn/lake")).hasMessageContaining("unsupported scheme");
        assertThatThrownBy(() -> LakeUri.parse("s3:///lake")).hasMessageContaining("names no bucket");
        assertThatThrownBy(() -> LakeUri.parse(" ")).hasMessageContaining("empty");
    }
}
