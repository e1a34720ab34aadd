package io.ticklake.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ticklake.infra.bench.BacklogSpan;
import org.junit.jupiter.api.Test;

class BacklogSpanTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theSteadyRateLeavesOutTheStartAndTheIdleTail() {
        BacklogSpan span = new BacklogSpan(1_000);
        assertThat(span.observe(0, 0)).isFalse();
        assertThat(span.observe(100, 10 * SECOND)).isFalse();      // 10 % after a slow start
        assertThat(span.observe(500, 12 * SECOND)).isFalse();
        assertThat(span.observe(900, 14 * SECOND)).isFalse();      // 90 %: 800 in 4 s
        assertThat(span.observe(1_000, 30 * SECOND)).isTrue();     // the last files closed when idle

        assertThat(span.steadyRate()).isCloseTo(200.0, within(1e-9));
        assertThat(span.at100()).isEqualTo(30 * SECOND);
    }

    @Test
    void aJumpPastSeveralMarksSetsThemAtOnce() {
        BacklogSpan span = new BacklogSpan(1_000);
        span.observe(50, SECOND);
        assertThat(span.observe(1_000, 3 * SECOND)).isTrue();

        assertThat(span.at100()).isEqualTo(3 * SECOND);
        assertThat(span.steadyRate()).isNaN();                     // 10 % and 90 % seen at the same moment: not timed
    }
}
