package io.ticklake.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LakeUriTest {

    @Test
    void s3AndS3aNameTheSameObjects() {
        LakeUri s3 = LakeUri.parse("s3://lake/prefix/");
        LakeUri s3a = LakeUri.parse("s3a://lake/prefix");

        assertThat(s3).isEqualTo(s3a);
        assertThat(s3.isS3()).isTrue();
        assertThat(s3.bucket()).isEqualTo("lake");
        assertThat(s3.key("raw/stock_ticks")).isEqualTo("prefix/raw/stock_ticks");
        assertThat(s3.uri("warehouse")).isEqualTo("s3://lake/prefix/warehouse");
        assertThat(s3a.hadoopUri("/raw/")).isEqualTo("s3a://lake/prefix/raw");
        assertThat(LakeUri.parse("s3://lake").key("raw")).isEqualTo("raw");
    }

    @Test
    void fileUrisAndPlainPathsAreAbsoluteLocalDirectories(@org.junit.jupiter.api.io.TempDir Path dir) {
        LakeUri fromUri = LakeUri.parse(dir.toUri().toString());
        LakeUri fromPath = LakeUri.parse(dir.toString());

        assertThat(fromUri).isEqualTo(fromPath);
        assertThat(fromUri.isS3()).isFalse();
        assertThat(fromUri.localPath()).isEqualTo(dir.toAbsolutePath());
        assertThat(fromUri.uri("warehouse")).isEqualTo("file:" + dir.resolve("warehouse"));
        assertThat(fromUri.duckDbPath("raw/x")).isEqualTo(dir.resolve("raw/x").toString());
    }

    @Test
    void everyUnusableUriGetsOneMessageNamingItAndTheAcceptedForms() {
        for (String bad : new String[] {"", "  ", "hdfs://nn/lake", "s3://", "s3a:///x", "s3a:///raw", "s3:///lake/raw", "s3://Bad_Bucket"}) {
            assertThatThrownBy(() -> LakeUri.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("lake URI '" + bad + "' is not usable")
                    .hasMessageContaining("file:///path, s3://bucket[/prefix] or s3a://bucket[/prefix]");
        }
    }
}
