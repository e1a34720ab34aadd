package io.ticklake.dashboard.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The WebSocket push ({@code ticklake.push.*}): how many KPI updates a session may have waiting,
 * what happens to a client that falls further behind, the batch size of a frame, and the heartbeat.
 */
@ConfigurationProperties("ticklake.push")
public class PushProperties {

    /** What to do when a session's buffer is full. */
    public enum Overflow {
        /** Drop the oldest waiting update; the next frame tells the client how many it lost. */
        DROP_OLDEST,
        /** Close the session with code 1008 and a reason naming the buffer size. */
        DISCONNECT
    }

    @Min(1)
    @Max(1_000_000)
    private int bufferSize = 4096;
    @NotNull
    private Overflow overflow = Overflow.DROP_OLDEST;
    @Min(1)
    @Max(100_000)
    private int maxBatch = 512;
    @NotNull
    private Duration heartbeatInterval = Duration.ofSeconds(15);

    /** KPI updates waiting per session before the overflow policy applies. */
    public int getBufferSize() {
        return bufferSize;
    }

    public void setBufferSize(int bufferSize) {
        this.bufferSize = bufferSize;
    }

    public Overflow getOverflow() {
        return overflow;
    }

    public void setOverflow(Overflow overflow) {
        this.overflow = overflow;
    }

    /** Most KPI updates in one frame (a client that keeps up gets them one by one). */
    public int getMaxBatch() {
        return maxBatch;
    }

    public void setMaxBatch(int maxBatch) {
        this.maxBatch = maxBatch;
    }

    public Duration getHeartbeatInterval() {
        return heartbeatInterval;
    }

    public void setHeartbeatInterval(Duration heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }
}
