package io.ticklake.connect.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HourPartitionerTest {

    private final HourPartitioner partitioner = new HourPartitioner();

    private String path(String instant) {
        return partitioner.path(Instant.parse(instant).toEpochMilli());
    }

    @Test
    void usesTheUtcHourZeroPadded() {
        assertThat(path("2026-03-05T07:59:59.999Z")).isEqualTo("year=2026/month=03/day=05/hour=07");
        assertThat(path("2026-03-05T08:00:00Z")).isEqualTo("year=2026/month=03/day=05/hour=08");
    }

    @Test
    void crossesDayAndYearBoundariesInUtcRegardlessOfTheJvmZone() {
        assertThat(path("2026-12-31T23:30:00Z")).isEqualTo("year=2026/month=12/day=31/hour=23");
        assertThat(path("2027-01-01T00:00:00Z")).isEqualTo("year=2027/month=01/day=01/hour=00");
        // the night European clocks go back: still 24 distinct UTC hours, no repeated directory
        assertThat(path("2026-10-25T00:30:00Z")).isEqualTo("year=2026/month=10/day=25/hour=00");
        assertThat(path("2026-10-25T01:30:00Z")).isEqualTo("year=2026/month=10/day=25/hour=01");
    }

    @Test
    void switchingBackToAnEarlierHourIsNotServedFromTheCache() {
        assertThat(path("2026-11-20T14:00:00Z")).endsWith("hour=14");
        assertThat(path("2026-11-20T13:59:59Z")).endsWith("hour=13");
        assertThat(path("1969-12-31T23:59:59.999Z")).isEqualTo("year=1969/month=12/day=31/hour=23");
    }

    @Test
    void yearsBeyondFourDigitsHaveNoDirectory() {
        long tooLate = Instant.parse("+10000-01-01T00:00:00Z").toEpochMilli();
        assertThat(HourPartitioner.isPartitionable(tooLate)).isFalse();
        assertThatThrownBy(() -> partitioner.path(tooLate)).hasMessageContaining("0001-9999");
    }
}
