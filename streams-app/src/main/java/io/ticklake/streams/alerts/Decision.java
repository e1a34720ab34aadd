package io.ticklake.streams.alerts;

import io.ticklake.schemas.Alert;
import io.ticklake.schemas.AlertRule;
import java.time.Instant;

/**
 * A rule's condition that held, with the values that made it hold (see the {@code Alert} contract for each
 * field's meaning per kind); the cool-down decides whether it becomes an {@link Alert}.
 *
 * @param window      the rule's window label, or null
 * @param windowStart start of the window whose values held, or null
 */
record Decision(String window, Long windowStart, Double price, Double threshold, Double reference, String message) {

    Alert toAlert(AlertRule rule, String symbol, long eventTimeMs, long firedAtMs) {
        return Alert.newBuilder()
                .setRuleId(rule.getRuleId())
                .setSymbol(symbol)
                .setKind(rule.getKind())
                .setEventTime(Instant.ofEpochMilli(eventTimeMs))
                .setWindow(window)
                .setWindowStart(windowStart == null ? null : Instant.ofEpochMilli(windowStart))
                .setPrice(price)
                .setThreshold(threshold)
                .setReference(reference)
                .setMessage(message)
                .setFiredAt(Instant.ofEpochMilli(firedAtMs))
                .build();
    }
}
