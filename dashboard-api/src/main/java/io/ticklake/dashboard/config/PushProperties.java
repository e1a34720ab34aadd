package io.ticklake.dashboard.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;

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
    @Min(1)
    private int maxSessions = 1000;
    @Min(1)
    private int maxSessionsPerPrincipal = 20;
    @Min(1)
    @Max(1_000_000)
    private int maxSymbolsPerSession = 5000;
    @Min(1024)
    private long maxQueuedBytes = 8L << 20;
    @Min(1)
    private int maxMessagesPerSecond = 20;
    @NotNull
    private List<String> allowedOrigins = List.of();

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

    /** Sessions open at once on this instance; one more is closed with 1008. */
    public int getMaxSessions() {
        return maxSessions;
    }

    public void setMaxSessions(int maxSessions) {
        this.maxSessions = maxSessions;
    }

    /** Sessions open at once for one user or token; one more is closed with 1008. */
    public int getMaxSessionsPerPrincipal() {
        return maxSessionsPerPrincipal;
    }

    public void setMaxSessionsPerPrincipal(int maxSessionsPerPrincipal) {
        this.maxSessionsPerPrincipal = maxSessionsPerPrincipal;
    }

    /** Distinct symbols one session may be subscribed to, all messages together ({@code *} counts as one). */
    public int getMaxSymbolsPerSession() {
        return maxSymbolsPerSession;
    }

    public void setMaxSymbolsPerSession(int maxSymbolsPerSession) {
        this.maxSymbolsPerSession = maxSymbolsPerSession;
    }

    /** Bytes of frames and updates that may wait for a session that does not read; beyond, it is closed (1008). */
    public long getMaxQueuedBytes() {
        return maxQueuedBytes;
    }

    public void setMaxQueuedBytes(long maxQueuedBytes) {
        this.maxQueuedBytes = maxQueuedBytes;
    }

    /** Messages a client may send per second (over any one-second span); one more closes it (1008). */
    public int getMaxMessagesPerSecond() {
        return maxMessagesPerSecond;
    }

    public void setMaxMessagesPerSecond(int maxMessagesPerSecond) {
        this.maxMessagesPerSecond = maxMessagesPerSecond;
    }

    /**
     * Origins (e.g. {@code https://ticks.example.com}) besides the server's own whose pages may open the
     * WebSocket; a handshake with another {@code Origin} is refused (403).
     */
    public List<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(List<String> allowedOrigins) {
        this.allowedOrigins = List.copyOf(allowedOrigins);
    }
}
