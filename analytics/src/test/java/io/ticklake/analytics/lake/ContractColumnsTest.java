package io.ticklake.analytics.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.ticklake.lake.RawAlertColumns;
import io.ticklake.lake.RawDeadLetterColumns;
import io.ticklake.lake.RawTickColumns;
import org.junit.jupiter.api.Test;

class ContractColumnsTest {

    @Test
    void theTickContractReadsAsTheTypesModelsUse() {
        assertThat(ContractColumns.duckDbTypes(RawTickColumns.PARQUET_SCHEMA)).containsExactly(
                entry("symbol", "VARCHAR"), entry("price", "DOUBLE"), entry("volume", "BIGINT"), entry("bid", "DOUBLE"),
                entry("ask", "DOUBLE"), entry("event_time", "TIMESTAMPTZ"), entry("sequence", "BIGINT"),
                entry("source", "VARCHAR"), entry("kafka_topic", "VARCHAR"), entry("kafka_partition", "INTEGER"),
                entry("kafka_offset", "BIGINT"), entry("ingest_time", "TIMESTAMPTZ"));
    }

    @Test
    void everyRawTableHasEveryColumnOfItsContractTyped() {
        assertThat(ContractColumns.duckDbTypes(RawAlertColumns.PARQUET_SCHEMA).keySet())
                .containsExactlyElementsOf(RawAlertColumns.ALL);
        assertThat(ContractColumns.duckDbTypes(RawDeadLetterColumns.PARQUET_SCHEMA))
                .containsEntry(RawDeadLetterColumns.RECORD_VALUE, "BLOB")
                .containsEntry(RawDeadLetterColumns.SOURCE_PARTITION, "INTEGER")
                .containsOnlyKeys(RawDeadLetterColumns.ALL);
    }
}
