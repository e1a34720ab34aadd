package io.ticklake.connect.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LakeUriTest {

    @Test
    void parsesS3AndFileForms() {
        LakeUri s3 = LakeUri.parse("s3a://ticklake/lake/");
        assertThat(s3.bucket()).isEqualTo("ticklake");
        assertThat(s3.key("raw/x")).isEqualTo("lake/raw/x");
        assertThat(LakeUri.parse("s3://ticklake").key("raw/x")).isEqualTo("raw/x");
        LakeUri local = LakeUri.parse("file:///tmp/lake");
        assertThat(local.isLocal()).isTrue();
        assertThat(local.root()).isEqualTo("/tmp/lake");
    }

    @Test
    void rejectsWhatCannotBeALake() {
        assertThatThrownBy(() -> LakeUri.parse("s3a://")).hasMessageContaining("names no bucket");
        assertThatThrownBy(() -> LakeUri.parse("s3://Bad_Bucket/x")).hasMessageContaining("not a valid S3 bucket");
        assertThatThrownBy(() -> LakeUri.parse("/tmp/lake")).hasMessageContaining("unsupported scheme ''");
        assertThatThrownBy(() -> LakeUri.parse("file:///")).hasMessageContaining("names no directory");
    }
}
