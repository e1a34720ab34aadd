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
 * <p>Control frames (acknowledgements, errors) are never dropped and go before waiting updates.
 */
public final class SessionOutbox {

    /** WebSocket close code "policy violation", used for a client that does not keep up. */
    public static final int CLOSE_TOO_SLOW = 1008;

    private final FrameSink sink;
    private final int capacity;
    private final int maxBatch;
    private final Overflow overflow;
    private final OutboxListener listener;
    private final Deque<Update> updates = new ArrayDeque<>();
    /** Provisional updates waiting, by window key, that a newer provisional value may still replace. */
    private final Map<String, Update> replaceable = new HashMap<>();
    private final Deque<String> control = new ArrayDeque<>();
    private int droppedSinceLastFrame;
    private boolean sending;
    private boolean closed;

    public SessionOutbox(FrameSink sink, int capacity, int maxBatch, Overflow overflow, OutboxListener listener) {
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
                    waiting.json = kpiJson;
                    return;
                }
            } else {
                // a later provisional value goes after this confirmed one, not in an earlier slot
                replaceable.remove(windowKey);
            }
            if (updates.size() >= capacity) {
                if (overflow == Overflow.DROP_OLDEST) {
                    forget(updates.pollFirst());
                    droppedSinceLastFrame++;
                    listener.dropped(1);
                } else {
                    closed = true;
                    updates.clear();
                    replaceable.clear();
                    control.clear();
                    disconnect = true;
                }
            }
            if (!disconnect) {
                Update update = new Update(windowKey, kpiJson, provisional);
                updates.addLast(update);
                if (provisional) {
                    replaceable.put(windowKey, update);
                }
            }
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
        synchronized (this) {
            if (closed) {
                return;
            }
            control.addLast(frame);
        }
        drain();
    }

    /** Stops sending; later offers are ignored. */
    public synchronized void close() {
        closed = true;
        updates.clear();
        replaceable.clear();
        control.clear();
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
            return control.pollFirst();
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
