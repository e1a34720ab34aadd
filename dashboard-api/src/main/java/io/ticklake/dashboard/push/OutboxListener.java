package io.ticklake.dashboard.push;

/** What the outbox reports for metrics: updates dropped, and sessions closed for being too slow. */
public interface OutboxListener {

    OutboxListener NONE = new OutboxListener() {
    };

    default void dropped(int count) {
    }

    default void disconnectedSlow() {
    }
}
