package io.ticklake.dashboard.push;

import java.util.List;

/**
 * A client's message on {@code /ws/kpis}: add ({@code subscribe}) or remove ({@code unsubscribe}) symbols for
 * window sizes of the KPI channel, or for alert kinds of the alert channel.
 *
 * @param channel what is subscribed to: KPI updates or alerts
 * @param action  what to do
 * @param symbols symbols, or {@code *} for all
 * @param scopes  window sizes (e.g. {@code 1m}) of the KPI channel, alert kinds (e.g. {@code PRICE_CROSS}) of
 *                the alert channel
 */
public record SubscriptionRequest(Channel channel, Action action, List<String> symbols, List<String> scopes) {

    /** The two channels of a session. */
    public enum Channel {
        KPIS, ALERTS
    }

    /** The two actions a client can send. */
    public enum Action {
        SUBSCRIBE, UNSUBSCRIBE
    }

    /** The subscription of this request's channel after this request. */
    public Subscription applyTo(Subscription current) {
        return action == Action.SUBSCRIBE ? current.plus(symbols, scopes) : current.minus(symbols, scopes);
    }
}
