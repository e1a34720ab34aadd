package io.ticklake.dashboard.push;

import java.util.List;

/**
 * A client's message on {@code /ws/kpis}: add ({@code subscribe}) or remove ({@code unsubscribe})
 * symbols for window sizes.
 *
 * @param action  what to do
 * @param symbols symbols, or {@code *} for all
 * @param windows window sizes, e.g. {@code 1m}
 */
public record SubscriptionRequest(Action action, List<String> symbols, List<String> windows) {

    /** The two actions a client can send. */
    public enum Action {
        SUBSCRIBE, UNSUBSCRIBE
    }

    /** The subscription after this request. */
    public Subscription applyTo(Subscription current) {
        return action == Action.SUBSCRIBE ? current.plus(symbols, windows) : current.minus(symbols, windows);
    }
}
