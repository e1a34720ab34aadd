package io.ticklake.dashboard.push;

import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.ticklake.dashboard.config.PushProperties;
import io.ticklake.schemas.WindowKpi;
import io.ticklake.streams.host.KpiInstance;
import io.ticklake.streams.query.KpiJson;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket sessions of {@code /ws/kpis} and the fan-out of KPI updates to them: each update is
 * serialized once and queued in the outbox of every session whose subscription matches; the outboxes
 * send on their own, so {@link #publish} never waits for a client.
 */
@Singleton
public class PushHub implements OutboxListener {

    private static final Logger LOG = LoggerFactory.getLogger(PushHub.class);

    private final Map<String, PushSession> sessions = new ConcurrentHashMap<>();
    private final SubscriptionParser parser;
    private final PushProperties properties;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong slowDisconnects = new AtomicLong();

    public PushHub(KpiInstance instance, PushProperties properties) {
        this.parser = new SubscriptionParser(instance.windows());
        this.properties = properties;
    }

    void open(WebSocketSession session) {
        SessionOutbox outbox = new SessionOutbox(new SessionSink(session), properties.getBufferSize(),
                properties.getMaxBatch(), properties.getOverflow(), this);
        sessions.put(session.getId(), new PushSession(outbox));
    }

    /** A client message: a subscription change, acknowledged with the whole subscription, or an error frame. */
    void message(WebSocketSession session, String text) {
        PushSession pushSession = sessions.get(session.getId());
        if (pushSession == null) {
            return;
        }
        try {
            Subscription now = pushSession.apply(parser.parse(text));
            pushSession.outbox().offerControl(ControlFrames.subscribed(now));
        } catch (BadSubscriptionException e) {
            pushSession.outbox().offerControl(ControlFrames.error(e.getMessage(), e.field()));
        }
    }

    void close(WebSocketSession session) {
        PushSession removed = sessions.remove(session.getId());
        if (removed != null) {
            removed.outbox().close();
        }
    }

    /** Queues {@code kpi} for every session subscribed to its symbol and window. */
    public void publish(WindowKpi kpi) {
        published.incrementAndGet();
        String symbol = kpi.getSymbol();
        String window = kpi.getWindow();
        String text = null;
        for (PushSession session : sessions.values()) {
            if (session.subscription().matches(symbol, window)) {
                if (text == null) {
                    text = KpiJson.write(kpi);
                }
                session.outbox().offerUpdate(text);
            }
        }
    }

    /** True for a session of {@code /ws/kpis} (the broadcaster sees the sessions of every endpoint). */
    public boolean isPushSession(WebSocketSession session) {
        return sessions.containsKey(session.getId());
    }

    public int sessionCount() {
        return sessions.size();
    }

    public long publishedCount() {
        return published.get();
    }

    public long droppedCount() {
        return dropped.get();
    }

    public long slowDisconnectCount() {
        return slowDisconnects.get();
    }

    @Override
    public void dropped(int count) {
        dropped.addAndGet(count);
    }

    @Override
    public void disconnectedSlow() {
        slowDisconnects.incrementAndGet();
        LOG.info("Closed a WebSocket session that fell {} KPI updates behind", properties.getBufferSize());
    }

    /** A session's connection as the outbox sees it. */
    private record SessionSink(WebSocketSession session) implements FrameSink {

        @Override
        public CompletionStage<?> send(String frame) {
            return session.sendAsync(frame);
        }

        @Override
        public void close(int code, String reason) {
            session.close(new CloseReason(code, reason));
        }
    }
}
