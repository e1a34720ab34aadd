package io.ticklake.dashboard.push;

/** One connected client: what it subscribed to and its outbox. */
final class PushSession {

    private final SessionOutbox outbox;
    private volatile Subscription subscription = Subscription.NONE;

    PushSession(SessionOutbox outbox) {
        this.outbox = outbox;
    }

    SessionOutbox outbox() {
        return outbox;
    }

    Subscription subscription() {
        return subscription;
    }

    /** Applies a request; messages of one session arrive in order, so no update is lost between reads and writes. */
    synchronized Subscription apply(SubscriptionRequest request) {
        subscription = request.applyTo(subscription);
        return subscription;
    }
}
