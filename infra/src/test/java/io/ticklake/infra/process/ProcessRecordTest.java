package io.ticklake.infra.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRecordTest {

    @TempDir
    Path runDir;

    @Test
    void roundTripsThroughItsFiles() throws Exception {
        ProcessRecord record = new ProcessRecord(4242, 1_700_000_000_000L, "/data/kafka", Map.of("broker", 9092, "controller", 9093));

        record.write(runDir, "kafka");

        assertThat(ProcessRecord.read(runDir, "kafka")).contains(record);
        assertThat(Files.readString(ProcessRecord.pidFile(runDir, "kafka"))).isEqualTo("4242\n");
    }

    @Test
    void treatsADamagedRecordAsAbsent() throws Exception {
        Files.writeString(runDir.resolve("kafka.state"), "pid=not-a-number\n");

        assertThat(ProcessRecord.read(runDir, "kafka")).isEmpty();
        assertThat(ProcessRecord.read(runDir, "registry")).isEmpty();
    }

    @Test
    void deletesBothFiles() {
        new ProcessRecord(1, 0, "m", Map.of()).write(runDir, "minio");

        ProcessRecord.delete(runDir, "minio");

        assertThat(runDir).isEmptyDirectory();
    }
}
