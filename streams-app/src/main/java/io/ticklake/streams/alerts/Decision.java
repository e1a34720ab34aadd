package io.ticklake.streams.alerts;

import io.ticklake.schemas.Alert;
import io.ticklake.schemas.AlertRule;
import java.time.Instant;
import java.util.Locale;

/**
 * A rule's condition that held, with the values that made it hold (see the {@code Alert} contract for each
 * field's meaning per kind); the cool-down decides whether it becomes an {@link Alert}. The message is formatted
 * only then: a condition that keeps holding during a cool-down costs no formatting.
 *
 * @param window      the rule's window label, or null
 * @param windowStart start of the window whose values held, or null
 * @param format      the message, a {@link String#format} pattern (root locale) of {@code arguments}
 */
record Decision(String window, Long windowStart, Double price, Double threshold, Double reference, String format,
                Object... arguments) {

    String message() {
        return String.format(Locale.ROOT, format, arguments);
    }

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
                .setMessage(message())
                .setFiredAt(Instant.ofEpochMilli(firedAtMs))
                .build();
    }
}
