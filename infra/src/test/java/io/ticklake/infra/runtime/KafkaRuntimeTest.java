package io.ticklake.infra.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class KafkaRuntimeTest {

    @Test
    void theRecordedClasspathHasTheBrokerConnectAndTheirSharedJars() {
        List<String> entries = Arrays.asList(KafkaRuntime.classpath().split(File.pathSeparator));

        assertThat(entries).allSatisfy(entry -> assertThat(Path.of(entry)).isRegularFile());
        assertThat(entries).anyMatch(entry -> entry.contains("kafka_2.13-"))
                .anyMatch(entry -> entry.contains("kafka-clients-"))
                .anyMatch(entry -> entry.contains("connect-runtime-"))
                .anyMatch(entry -> entry.contains("log4j-slf4j2-impl-"))
                .noneMatch(entry -> entry.contains("slf4j-simple"))
                .noneMatch(entry -> entry.contains("picocli"))
                .doesNotHaveDuplicates();
    }

    @Test
    void theRegistryDistributionIsTheManagedVersion() {
        ApicurioDistribution distribution = ApicurioDistribution.resolved();

        assertThat(distribution.version()).matches("2\\.6\\.\\d+\\.Final");
    }

    @Test
    void theMinioInstallScriptShipsInTheJar() {
        String script = new String(BuildResources.readBytes("/io/ticklake/infra/scripts/install-minio.sh"));

        assertThat(script).contains("go install", "github.com/minio/minio@");
        assertThat(MinioInstaller.binary(Path.of("/cache"))).isEqualTo(Path.of("/cache/bin/minio"));
        assertThat(Files.exists(Path.of("scripts/install-minio.sh"))).isTrue();
    }
}
