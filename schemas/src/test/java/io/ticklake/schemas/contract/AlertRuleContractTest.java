package io.ticklake.schemas.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.schemas.AlertDirection;
import io.ticklake.schemas.AlertKind;
import io.ticklake.schemas.AlertRule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertRuleContractTest {

    private static AlertRule.Builder rule(AlertKind kind) {
        return AlertRule.newBuilder().setRuleId("r1").setSymbol("AAPL").setKind(kind)
                .setUpdatedAt(Instant.parse("2026-01-05T10:00:00Z"));
    }

    private static List<String> fields(AlertRule rule) {
        return AlertRuleContract.violations(rule).stream().map(RuleViolation::field).toList();
    }

    @Test
    void aCompleteRuleOfEveryKindIsValid() {
        assertThat(fields(rule(AlertKind.PRICE_CROSS).setLevel(100.0).setDirection(AlertDirection.UP).build())).isEmpty();
        assertThat(fields(rule(AlertKind.PERCENT_MOVE).setLevel(2.0).setWindow("5m").build())).isEmpty();
        assertThat(fields(rule(AlertKind.VOLATILITY_BAND).setK(2.0).setWindow("15m").build())).isEmpty();
        assertThat(fields(rule(AlertKind.VOLUME_SPIKE).setK(3.0).setWindow("1h").setLookbackWindows(100).build()))
                .isEmpty();
        assertThat(fields(rule(AlertKind.STALE_FEED).setStaleSeconds(30).setSymbol("*").build())).isEmpty();
    }

    @Test
    void theDefaultsAreACooldownOfAMinuteAndEnabled() {
        AlertRule rule = rule(AlertKind.PRICE_CROSS).setLevel(1.0).build();

        assertThat(rule.getCooldownMs()).isEqualTo(60_000L);
        assertThat(rule.getEnabled()).isTrue();
        assertThat(rule.getDirection()).isNull();
    }

    @Test
    void anUnknownWindowIsNamedWithTheAllowedOnes() {
        List<RuleViolation> violations = AlertRuleContract.violations(
                rule(AlertKind.PERCENT_MOVE).setLevel(2.0).setWindow("2m").build());

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("window");
            assertThat(v.message()).contains("'2m'").contains("[1m, 5m, 15m, 1h]");
        });
        assertThat(fields(rule(AlertKind.VOLATILITY_BAND).setK(2.0).build())).containsExactly("window");
    }

    @Test
    void aPriceCrossWithoutLevelNamesLevel() {
        assertThat(fields(rule(AlertKind.PRICE_CROSS).build())).containsExactly("level");
        assertThat(fields(rule(AlertKind.PRICE_CROSS).setLevel(Double.NaN).build())).containsExactly("level");
        assertThat(fields(rule(AlertKind.PERCENT_MOVE).setWindow("1m").setLevel(0.0).build())).containsExactly("level");
    }

    @Test
    void kMustBeAboveZero() {
        assertThat(fields(rule(AlertKind.VOLATILITY_BAND).setWindow("1m").setK(0.0).build())).containsExactly("k");
        assertThat(fields(rule(AlertKind.VOLUME_SPIKE).setWindow("1m").setK(-1.0).setLookbackWindows(5).build()))
                .containsExactly("k");
    }

    @Test
    void lookbackMustBeFromOneToTheBound() {
        assertThat(fields(rule(AlertKind.VOLUME_SPIKE).setWindow("1m").setK(2.0).setLookbackWindows(0).build()))
                .containsExactly("lookback_windows");
        assertThat(fields(rule(AlertKind.VOLUME_SPIKE).setWindow("1m").setK(2.0).build()))
                .containsExactly("lookback_windows");
        assertThat(fields(rule(AlertKind.VOLUME_SPIKE).setWindow("1m").setK(2.0)
                .setLookbackWindows(AlertRuleContract.MAX_LOOKBACK_WINDOWS + 1).build()))
                .containsExactly("lookback_windows");
    }

    @Test
    void aNegativeCooldownAndAMissingStaleTimeAreNamed() {
        assertThat(fields(rule(AlertKind.STALE_FEED).setStaleSeconds(5).setCooldownMs(-1L).build()))
                .containsExactly("cooldown_ms");
        assertThat(fields(rule(AlertKind.STALE_FEED).setStaleSeconds(0).build())).containsExactly("stale_seconds");
    }

    @Test
    void theSymbolIsATickSymbolOrTheWildcard() {
        assertThat(fields(rule(AlertKind.PRICE_CROSS).setLevel(1.0).setSymbol("aapl").build()))
                .containsExactly("symbol");
        assertThat(fields(rule(AlertKind.PRICE_CROSS).setLevel(1.0).setSymbol("A*").build())).containsExactly("symbol");
        assertThat(fields(rule(AlertKind.PRICE_CROSS).setLevel(1.0).setSymbol("BRK.B").build())).isEmpty();
    }

    @Test
    void everyViolationIsReportedAtOnceInFieldOrder() {
        AlertRule bad = rule(AlertKind.VOLUME_SPIKE).setRuleId(" ").setSymbol("").setWindow("1d").setK(0.0)
                .setLookbackWindows(0).setCooldownMs(-5L).build();

        assertThat(fields(bad)).containsExactly("rule_id", "symbol", "window", "k", "lookback_windows", "cooldown_ms");
    }

    @Test
    void aWildcardRuleAppliesToEverySymbolAndAnotherOnlyToItsOwn() {
        AlertRule any = rule(AlertKind.STALE_FEED).setSymbol("*").setStaleSeconds(1).build();
        AlertRule own = rule(AlertKind.STALE_FEED).setStaleSeconds(1).build();

        assertThat(AlertRuleContract.appliesTo(any, "MSFT")).isTrue();
        assertThat(AlertRuleContract.appliesTo(own, "AAPL")).isTrue();
        assertThat(AlertRuleContract.appliesTo(own, "MSFT")).isFalse();
    }
}
