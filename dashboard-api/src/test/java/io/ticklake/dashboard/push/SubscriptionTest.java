package io.ticklake.dashboard.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    @Test
    void matchesTheSubscribedSymbolsPerWindow() {
        Subscription subscription = Subscription.NONE.plus(List.of("AAPL", "MSFT"), List.of("1m"))
                .plus(List.of("*"), List.of("1h"));

        assertThat(subscription.matches("AAPL", "1m")).isTrue();
        assertThat(subscription.matches("MSFT", "1m")).isTrue();
        assertThat(subscription.matches("IBM", "1m")).isFalse();
        assertThat(subscription.matches("AAPL", "5m")).isFalse();
        assertThat(subscription.matches("IBM", "1h")).isTrue();
    }

    @Test
    void unsubscribingRemovesOnlyWhatIsNamed() {
        Subscription subscription = Subscription.NONE.plus(List.of("AAPL", "MSFT"), List.of("1m", "5m"))
                .minus(List.of("AAPL"), List.of("1m"));

        assertThat(subscription.matches("AAPL", "1m")).isFalse();
        assertThat(subscription.matches("AAPL", "5m")).isTrue();
        assertThat(subscription.matches("MSFT", "1m")).isTrue();
        assertThat(subscription.minus(List.of("AAPL", "MSFT"), List.of("1m", "5m")).isEmpty()).isTrue();
    }

    @Test
    void theWildcardIsRemovedOnlyByTheWildcard() {
        Subscription all = Subscription.NONE.plus(List.of("*"), List.of("1m"));

        assertThat(all.minus(List.of("AAPL"), List.of("1m")).matches("AAPL", "1m")).isTrue();
        assertThat(all.minus(List.of("*"), List.of("1m")).matches("AAPL", "1m")).isFalse();
    }

    @Test
    void isImmutable() {
        Subscription before = Subscription.NONE.plus(List.of("AAPL"), List.of("1m"));
        before.plus(List.of("MSFT"), List.of("1m"));

        assertThat(before.matches("MSFT", "1m")).isFalse();
        assertThat(Subscription.NONE.isEmpty()).isTrue();
    }
}
