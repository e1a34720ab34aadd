package io.ticklake.dashboard.push;

import io.ticklake.dashboard.config.PushProperties.Overflow;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One session's bounded buffer of KPI updates and the sender that empties it: at most one frame is
 * in flight on the connection, and whatever piled up meanwhile goes out as the next frame (up to
 * {@code maxBatch} updates). A client that keeps up gets updates one by one; a slow one gets larger
 * frames; one that falls {@code capacity} updates behind loses the oldest ({@link Overflow#DROP_OLDEST},
 * the next frame says how many) or is disconnected with code 1008 ({@link Overflow#DISCONNECT}).
 * Nothing here blocks the thread that offers, so a slow client never slows the others.
 *
 * <p>Updates are confirmed (read from the committed KPI topic) or provisional (read from the owning
 * instance's stores before the commit). A frame holds one kind only, named by its {@code provisional}
 * field. A provisional update of a window replaces that window's provisional update still waiting
 * (in place: its value is the newer one), unless a confirmed update of the window was queued after
 * it; so the provisional stream of a busy window costs one slot, not one per round.
 *
 * <p>Control frames (acknowledgements, errors) are never dropped and go before waiting updates. What waits,
 * control frames and updates together, is bounded in bytes too ({@code maxQueuedBytes}): a client that
 * sends requests but does not read their answers is closed with code 1008 before it holds more.
 */
public final class SessionOutbox {

    /** WebSocket close code "policy violation", used for a client that does not keep up. */
    public static final int CLOSE_TOO_SLOW = 1008;

    private final FrameSink sink;
    private final int capacity;
    private final int maxBatch;
    private final Overflow overflow;
    private final OutboxListener listener;
    private final long maxQueuedBytes;
    private long queuedBytes;
    private long peakQueuedBytes;
    private final Deque<Update> updates = new ArrayDeque<>();
    /** Provisional updates waiting, by window key, that a newer provisional value may still replace. */
    private final Map<String, Update> replaceable = new HashMap<>();
    private final Deque<String> control = new ArrayDeque<>();
    private int droppedSinceLastFrame;
    private boolean sending;
    private boolean closed;
    private boolean closedForBytes;

    public SessionOutbox(FrameSink sink, int capacity, int maxBatch, Overflow overflow, OutboxListener listener) {
        this(sink, capacity, maxBatch, overflow, Long.MAX_VALUE, listener);
    }

    /** An outbox that also closes the session (1008) rather than hold more than {@code maxQueuedBytes} unsent. */
    public SessionOutbox(FrameSink sink, int capacity, int maxBatch, Overflow overflow, long maxQueuedBytes,
                         OutboxListener listener) {
        this.maxQueuedBytes = maxQueuedBytes;
        this.sink = sink;
        this.capacity = capacity;
        this.maxBatch = maxBatch;
        this.overflow = overflow;
        this.listener = listener;
    }

    /**
     * Queues one KPI update (its JSON object) of the window {@code windowKey} (symbol, size and start) and
     * sends if the connection is idle.
     */
    public void offerUpdate(String windowKey, String kpiJson, boolean provisional) {
        boolean disconnect = false;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (provisional) {
                Update waiting = replaceable.get(windowKey);
                if (waiting != null) {
                    queuedBytes += kpiJson.length() - waiting.json.length();
                    waiting.json = kpiJson;
                    return;
                }
            } else {
                // a later provisional value goes after this confirmed one, not in an earlier slot
                replaceable.remove(windowKey);
            }
            if (updates.size() >= capacity) {
                if (overflow == Overflow.DROP_OLDEST) {
                    Update oldest = updates.pollFirst();
                    forget(oldest);
                    queuedBytes -= oldest.json.length();
                    droppedSinceLastFrame++;
                    listener.dropped(1);
                } else {
                    closed = true;
                    updates.clear();
                    replaceable.clear();
                    control.clear();
                    queuedBytes = 0;
                    disconnect = true;
                }
            }
            if (!disconnect) {
                Update update = new Update(windowKey, kpiJson, provisional);
                updates.addLast(update);
                if (provisional) {
                    replaceable.put(windowKey, update);
                }
                disconnect = addQueued(kpiJson.length());
            }
        }
        if (disconnect && closedForBytes) {
            closeForBytes();
            return;
        }
        if (disconnect) {
            listener.disconnectedSlow();
            sink.close(CLOSE_TOO_SLOW, "client too slow: " + capacity + " KPI updates waiting");
            return;
        }
        drain();
    }

    /** Queues a control frame (sent before waiting updates, never dropped). */
    public void offerControl(String frame) {
        boolean tooMuch = false;
        synchronized (this) {
            if (closed) {
                return;
            }
            control.addLast(frame);
            if (addQueued(frame.length())) {
                tooMuch = true;
            }
        }
        if (tooMuch) {
            closeForBytes();
            return;
        }
        drain();
    }

    /**
     * Counts {@code bytes} more waiting, or, when they would pass the limit, empties and closes the outbox and
     * returns true (the frame or update is not kept).
     */
    private boolean addQueued(int bytes) {
        if (queuedBytes + bytes <= maxQueuedBytes) {
            queuedBytes += bytes;
            peakQueuedBytes = Math.max(peakQueuedBytes, queuedBytes);
            return false;
        }
        closed = true;
        closedForBytes = true;
        updates.clear();
        replaceable.clear();
        control.clear();
        queuedBytes = 0;
        return true;
    }

    private void closeForBytes() {
        listener.disconnectedSlow();
        sink.close(CLOSE_TOO_SLOW, "client does not read: more than " + maxQueuedBytes + " bytes waiting");
    }

    /** Bytes (characters of JSON) of the frames and updates waiting now. */
    public synchronized long queuedBytes() {
        return queuedBytes;
    }

    /** The most bytes that ever waited in this outbox. */
    public synchronized long peakQueuedBytes() {
        return peakQueuedBytes;
    }

    /** Stops sending; later offers are ignored. */
    public synchronized void close() {
        closed = true;
        updates.clear();
        replaceable.clear();
        control.clear();
        queuedBytes = 0;
    }

    /** Updates waiting now. */
    public synchronized int waiting() {
        return updates.size();
    }

    /**
     * Sends frames while the previous one completed at once; returns when one is in flight (its
     * completion continues the loop) or nothing is left. Only one thread drains at a time.
     */
    private void drain() {
        synchronized (this) {
            if (sending) {
                return;
            }
            sending = true;
        }
        while (true) {
            String frame;
            synchronized (this) {
                frame = closed ? null : nextFrame();
                if (frame == null) {
                    sending = false;
                    return;
                }
            }
            CompletableFuture<?> sent;
            try {
                sent = toFuture(sink.send(frame));
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            if (!sent.isDone()) {
                sent.whenComplete((ignored, error) -> afterSend(error));
                return;
            }
            if (sent.isCompletedExceptionally()) {
                failed();
                return;
            }
        }
    }

    private void afterSend(Throwable error) {
        if (error != null) {
            failed();
            return;
        }
        synchronized (this) {
            sending = false;
        }
        drain();
    }

    /** The connection failed under a send: nothing more can go out. */
    private void failed() {
        synchronized (this) {
            sending = false;
        }
        close();
    }

    private String nextFrame() {
        if (!control.isEmpty()) {
            String frame = control.pollFirst();
            queuedBytes -= frame.length();
            return frame;
        }
        if (updates.isEmpty()) {
            return null;
        }
        boolean provisional = updates.peekFirst().provisional;
        StringBuilder frame = new StringBuilder(256).append("{\"type\":\"kpis\",\"provisional\":")
                .append(provisional).append(",\"dropped\":").append(droppedSinceLastFrame).append(",\"kpis\":[");
        droppedSinceLastFrame = 0;
        for (int i = 0; i < maxBatch && !updates.isEmpty() && updates.peekFirst().provisional == provisional; i++) {
            if (i > 0) {
                frame.append(',');
            }
            Update update = updates.pollFirst();
            forget(update);
            queuedBytes -= update.json.length();
            frame.append(update.json);
        }
        return frame.append("]}").toString();
    }

    /** An update leaves the queue: it can no longer take a newer provisional value. */
    private void forget(Update update) {
        if (update.provisional) {
            replaceable.remove(update.windowKey, update);
        }
    }

    private static CompletableFuture<?> toFuture(CompletionStage<?> stage) {
        return stage instanceof CompletableFuture<?> future ? future : stage.toCompletableFuture();
    }

    /** A waiting update; a provisional one's JSON may be replaced by a newer value while it waits. */
    private static final class Update {

        final String windowKey;
        final boolean provisional;
        String json;

        Update(String windowKey, String json, boolean provisional) {
            this.windowKey = windowKey;
            this.json = json;
            this.provisional = provisional;
        }
    }
}
