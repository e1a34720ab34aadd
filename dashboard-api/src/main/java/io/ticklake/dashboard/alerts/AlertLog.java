package io.ticklake.dashboard.alerts;

import io.ticklake.schemas.Alert;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The committed alerts this instance has read ({@link AlertFeed}: the last day at start, then as they come),
 * for {@code GET /api/alerts}: at most {@value #MAX_PER_SYMBOL} per symbol, the oldest forgotten first. Every
 * instance reads every partition of {@code stock-alerts}, so any instance answers for every symbol.
 */
@Singleton
class AlertLog {

    static final int MAX_PER_SYMBOL = 1_000;

    private final Map<String, Deque<Alert>> bySymbol = new ConcurrentHashMap<>();

    void add(Alert alert) {
        Deque<Alert> alerts = bySymbol.computeIfAbsent(alert.getSymbol(), symbol -> new ArrayDeque<>());
        synchronized (alerts) {
            alerts.addLast(alert);
            if (alerts.size() > MAX_PER_SYMBOL) {
                alerts.pollFirst();
            }
        }
    }

    /** The alerts of {@code symbol} (every symbol when null) whose event time is in [from, to), by event time. */
    List<Alert> find(String symbol, Instant from, Instant to) {
        List<Alert> found = new ArrayList<>();
        (symbol == null ? bySymbol.values() : List.of(bySymbol.getOrDefault(symbol, new ArrayDeque<>())))
                .forEach(alerts -> {
                    synchronized (alerts) {
                        alerts.stream().filter(alert -> !alert.getEventTime().isBefore(from)
                                && alert.getEventTime().isBefore(to)).forEach(found::add);
                    }
                });
        found.sort(Comparator.comparing(Alert::getEventTime).thenComparing(Alert::getSymbol)
                .thenComparing(Alert::getRuleId));
        return found;
    }
}
