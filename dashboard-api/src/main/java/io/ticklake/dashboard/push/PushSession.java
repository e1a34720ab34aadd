package io.ticklake.dashboard.push;

import java.util.ArrayDeque;
import java.util.Deque;

/** One connected client: who it is, what it subscribed to, its recent messages and its outbox. */
final class PushSession {

    private final SessionOutbox outbox;
    private final String principal;
    /** Arrival times (ns) of the client's latest messages, at most the rate limit of them. */
    private final Deque<Long> recentMessages = new ArrayDeque<>();
    private volatile Subscription subscription = Subscription.NONE;
    /** Alert kind to symbols. */
    private volatile Subscription alertSubscription = Subscription.NONE;

    PushSession(SessionOutbox outbox, String principal) {
        this.outbox = outbox;
        this.principal = principal;
    }

    String principal() {
        return principal;
    }

    /** Records a message at {@code nowNanos}; false when it is one more than {@code perSecond} within a second. */
    synchronized boolean withinRate(long nowNanos, int perSecond) {
        while (!recentMessages.isEmpty() && nowNanos - recentMessages.peekFirst() >= 1_000_000_000L) {
            recentMessages.pollFirst();
        }
        if (recentMessages.size() >= perSecond) {
            return false;
        }
        recentMessages.addLast(nowNanos);
        return true;
    }

    SessionOutbox outbox() {
        return outbox;
    }

    Subscription subscription() {
        return subscription;
    }

    Subscription alertSubscription() {
        return alertSubscription;
    }

    /** Applies a request; messages of one session arrive in order, so no update is lost between reads and writes. */
    synchronized Subscription apply(SubscriptionRequest request, int maxSymbols) {
        boolean alerts = request.channel() == SubscriptionRequest.Channel.ALERTS;
        Subscription next = request.applyTo(alerts ? alertSubscription : subscription);
        if (next.symbolCount() > maxSymbols) {
            throw new PolicyViolationException("subscription of " + next.symbolCount() + " symbols; at most "
                    + maxSymbols + " per session");
        }
        if (alerts) {
            alertSubscription = next;
        } else {
            subscription = next;
        }
        return next;
    }
}
