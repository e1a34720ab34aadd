package io.ticklake.e2e.reference;

import static io.ticklake.e2e.reference.Ticks.tick;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.e2e.kafka.TickRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactedTicksTest {

    @Test
    void keepsATradeOncePerHourTheEarliestCopyFirst() {
        TickRecord later = tick(0, 0, "AAPL", 1.0, 1, 2_000, 7);
        TickRecord earlier = tick(0, 1, "AAPL", 2.0, 1, 1_000, 7);    // a repeated quote with another time
        TickRecord sameTimeHigherOffset = tick(0, 2, "AAPL", 2.0, 1, 1_000, 7);
        TickRecord otherSymbol = tick(1, 0, "MSFT", 1.0, 1, 1_000, 7);
        TickRecord nextHour = tick(0, 3, "AAPL", 1.0, 1, 3_600_000, 7); // an hour is compacted on its own

        assertThat(CompactedTicks.kept(List.of(later, earlier, sameTimeHigherOffset, otherSymbol, nextHour)))
                .containsExactly(earlier, otherSymbol, nextHour);
    }
}
