package io.ticklake.spark.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HourPartitionTest {

    @Test
    void parsesEveryAcceptedSpellingOfAnHour() {
        Instant start = Instant.parse("2026-03-05T07:00:00Z");
        assertThat(HourPartition.parse("2026-03-05T07").start()).isEqualTo(start);
        assertThat(HourPartition.parse("2026-03-05T07:00").start()).isEqualTo(start);
        assertThat(HourPartition.parse("2026-03-05T07:00:00Z").start()).isEqualTo(start);
        assertThat(HourPartition.parse("s3a://b/raw/stock_ticks/year=2026/month=03/day=05/hour=07").start())
                .isEqualTo(start);
        assertThatThrownBy(() -> HourPartition.parse("2026-03-05T07:30")).hasMessageContaining("not the start");
        assertThatThrownBy(() -> HourPartition.parse("yesterday")).hasMessageContaining("2026-11-20T14");
    }

    @Test
    void partitionPathsAreZeroPaddedUtc() {
        HourPartition hour = HourPartition.containingMillis(Instant.parse("2026-03-05T07:59:59.999Z").toEpochMilli());
        assertThat(hour.relativePath()).isEqualTo("year=2026/month=03/day=05/hour=07");
        assertThat(hour.end()).isEqualTo(Instant.parse("2026-03-05T08:00:00Z"));
        assertThat(LakeLayout.of("file:///data/lake/").rawHour(hour))
                .isEqualTo("file:/data/lake/raw/stock_ticks/year=2026/month=03/day=05/hour=07");
        assertThat(LakeLayout.of("s3://bucket/lake/").rawHour(hour))
                .isEqualTo("s3a://bucket/lake/raw/stock_ticks/year=2026/month=03/day=05/hour=07");
    }
}
