package io.ticklake.e2e.soak;

import java.time.Duration;
import java.time.Instant;

/**
 * One injected fault: what, on which target, when it began and ended (undone), and how long after its
 * end the pipeline made progress again (committed KPIs, lake files and every WebSocket client advanced).
 */
public record FaultRecord(int round, Fault fault, String target, Instant began, Instant ended, Duration recovery) {

    public Duration length() {
        return Duration.between(began, ended);
    }
}
