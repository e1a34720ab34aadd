package io.ticklake.connect.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.connect.config.RecordType;
import io.ticklake.connect.partition.HourPartitioner;
import io.ticklake.lake.RawLayout;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void theContractTablesKeysSitInTheRawLayoutsHourDirectories() {
        Instant t = Instant.parse("2026-11-20T14:59:59.999Z");
        String name = FileNames.fileName("stock-ticks", 3, 42);

        assertThat(FileNames.key(RecordType.TICK.tableName(), new HourPartitioner().path(t.toEpochMilli()), name))
                .isEqualTo(RawLayout.hourDirectory(t) + "/" + name)
                .isEqualTo("raw/stock_ticks/year=2026/month=11/day=20/hour=14/stock-ticks+3+00000000000000000042.parquet");
        assertThat(FileNames.tablePrefix("other")).isEqualTo("raw/other/");
    }
}
