package io.ticklake.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Exports the raw Parquet schema to {@code lake/target/contract/raw_tick.schema}, the file the Python test
 * fixtures (airflow/tests/raw_lake.py) build their raw files from, so they cannot drift from the contract.
 */
class RawSchemaExportTest {

    static final Path EXPORT = Path.of("target", "contract", "raw_tick.schema");

    @Test
    void exportsTheRawParquetSchemaForThePythonFixtures() throws Exception {
        Files.createDirectories(EXPORT.getParent());
        Files.writeString(EXPORT, RawTickColumns.PARQUET_SCHEMA);

        String exported = Files.readString(EXPORT);
        assertThat(exported).isEqualTo(RawTickColumns.PARQUET_SCHEMA);
        for (String column : RawTickColumns.ALL) {
            assertThat(exported).containsPattern("(required|optional) \\w+ " + column + "[ ;]");
        }
    }
}
