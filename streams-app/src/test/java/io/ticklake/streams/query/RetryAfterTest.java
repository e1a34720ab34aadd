package io.ticklake.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-12-05T14:00:00Z");
    private static final Duration OURS = Duration.ofMillis(1500);

    @Test
    void readsDelaySeconds() {
        assertThat(RetryAfter.parse(" 120 ", NOW, OURS)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("0", NOW, OURS)).isEqualTo(Duration.ZERO);
    }

    @Test
    void readsAnHttpDateAsTheTimeUntilIt() {
        assertThat(RetryAfter.parse("Sat, 05 Dec 2026 14:00:30 GMT", NOW, OURS)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Sat, 05 Dec 2026 13:59:00 GMT", NOW, OURS)).isEqualTo(Duration.ZERO);
    }

    @Test
    void anUnreadableValueFallsBackToOurHint() {
        assertThat(RetryAfter.parse("soon", NOW, OURS)).isEqualTo(OURS);
        assertThat(RetryAfter.parse("-5", NOW, OURS)).isEqualTo(OURS);
        assertThat(RetryAfter.parse("99999999999999999999", NOW, OURS)).isEqualTo(OURS);
        assertThat(RetryAfter.parse(null, NOW, OURS)).isEqualTo(OURS);
    }
}
