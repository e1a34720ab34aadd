package io.ticklake.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RawLayoutTest {

    @Test
    void theHourDirectoryComesFromEventTimeInUtc() {
        Instant t = Instant.parse("2026-11-20T14:59:59.999Z");

        assertThat(RawLayout.hourDirectory(t)).isEqualTo("raw/stock_ticks/year=2026/month=11/day=20/hour=14");
        assertThat(RawLayout.hourOf(t)).isEqualTo(Instant.parse("2026-11-20T14:00:00Z"));
    }

    @Test
    void partitionPathsParseBackToTheirHour() {
        Instant hour = Instant.parse("2026-01-02T03:00:00Z");

        assertThat(RawLayout.parseHour(RawLayout.hourDirectory(hour))).contains(hour);
        assertThat(RawLayout.parseHour("s3a://b/raw/stock_ticks/" + RawLayout.partitionPath(hour) + "/")).contains(hour);
        assertThat(RawLayout.parseHour("raw/stock_ticks/year=2026/month=13/day=01/hour=00")).isEmpty();
        assertThat(RawLayout.parseHour("raw/stock_ticks/year=2026/month=01/day=01")).isEmpty();
    }
}
