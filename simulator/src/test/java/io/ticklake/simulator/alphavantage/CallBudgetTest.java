package io.ticklake.simulator.alphavantage;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.simulator.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CallBudgetTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void fiveCallsInAnySixtySeconds() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-20T15:00:00Z"));
        CallBudget budget = new CallBudget(5, 25, NEW_YORK, clock);
        for (int i = 0; i < 5; i++) {
            assertThat(budget.waitBeforeNextCall()).isZero();
            budget.recordCall();
            clock.advance(Duration.ofSeconds(10));
        }
        // calls at 0, 10, 20, 30, 40 s; now 50 s: the call of second 0 leaves the window at 60 s
        assertThat(budget.waitBeforeNextCall()).isEqualTo(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(10));
        assertThat(budget.waitBeforeNextCall()).isZero();
    }

    @Test
    void twentyFiveCallsPerDayThenTheNextDay() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-20T15:00:00Z"));
        CallBudget budget = new CallBudget(5, 25, NEW_YORK, clock);
        for (int i = 0; i < 25; i++) {
            clock.advance(budget.waitBeforeNextCall());
            budget.recordCall();
        }
        assertThat(budget.usedToday()).isEqualTo(25);
        assertThat(budget.dayExhausted()).isTrue();
        Instant midnight = Instant.parse("2026-11-21T05:00:00Z");
        assertThat(budget.nextDayStart(clock.instant())).isEqualTo(midnight);
        assertThat(clock.instant().plus(budget.waitBeforeNextCall())).isEqualTo(midnight);

        clock.advance(budget.waitBeforeNextCall());
        assertThat(budget.dayExhausted()).isFalse();
        assertThat(budget.usedToday()).isZero();
        assertThat(budget.waitBeforeNextCall()).isZero();
    }

    @Test
    void theServiceCanDeclareTheDayUsedUp() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-20T15:00:00Z"));
        CallBudget budget = new CallBudget(5, 25, NEW_YORK, clock);
        budget.recordCall();
        budget.exhaustToday();
        assertThat(budget.dayExhausted()).isTrue();
        assertThat(budget.usedToday()).isEqualTo(25);
    }
}
