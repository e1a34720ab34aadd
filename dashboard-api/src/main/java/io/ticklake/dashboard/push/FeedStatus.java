package io.ticklake.dashboard.push;

import java.time.Instant;

/**
 * Whether the KPI feed reads the KPI topic now; when it does not, why ({@code reason}, the last
 * {@code error} if any) and since when. Readiness reports it.
 */
public record FeedStatus(boolean reading, String reason, Throwable error, Instant since) {

    static FeedStatus up() {
        return new FeedStatus(true, "reading", null, Instant.now());
    }

    static FeedStatus down(String reason, Throwable error) {
        return new FeedStatus(false, reason, error, Instant.now());
    }
}
