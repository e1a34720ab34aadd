package io.ticklake.dashboard.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.schemas.Alert;
import io.ticklake.schemas.AlertKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertLogTest {

    private static final Instant T0 = Instant.parse("2026-12-06T07:00:00Z");

    private static Alert alert(String symbol, String rule, long second) {
        return Alert.newBuilder().setRuleId(rule).setSymbol(symbol).setKind(AlertKind.PRICE_CROSS)
                .setEventTime(T0.plusSeconds(second)).setMessage("crossed").setFiredAt(T0).build();
    }

    @Test
    void findsBySymbolAndHalfOpenRangeInEventTimeOrder() {
        AlertLog log = new AlertLog();
        log.add(alert("ACME", "b", 20));
        log.add(alert("ACME", "a", 10));
        log.add(alert("GLOBX", "a", 15));

        assertThat(log.find("ACME", T0, T0.plusSeconds(60))).extracting(Alert::getRuleId).containsExactly("a", "b");
        assertThat(log.find(null, T0.plusSeconds(10), T0.plusSeconds(20))).extracting(Alert::getSymbol)
                .containsExactly("ACME", "GLOBX");
        assertThat(log.find("NONE", T0, T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void keepsTheNewestAlertsOfASymbolWithinItsBound() {
        AlertLog log = new AlertLog();
        for (int i = 0; i < AlertLog.MAX_PER_SYMBOL + 5; i++) {
            log.add(alert("ACME", "r", i));
        }

        assertThat(log.find("ACME", T0, T0.plusSeconds(100_000))).hasSize(AlertLog.MAX_PER_SYMBOL)
                .first().extracting(Alert::getEventTime).isEqualTo(T0.plusSeconds(5));
    }
}
