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
    private final AtomicLong publishedProvisional = new AtomicLong();
    private final AtomicLong publishedAlerts = new AtomicLong();
    private final AtomicLong publishedProvisionalAlerts = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong slowDisconnects = new AtomicLong();
    private final AtomicLong policyCloses = new AtomicLong();
    private final AtomicLong peakQueuedBytes = new AtomicLong();

    public PushHub(KpiInstance instance, PushProperties properties) {
        this.parser = new SubscriptionParser(instance.windows());
        this.properties = properties;
    }

    /**
     * A new session of {@code principal} (the authenticated user or token): closed at once with 1008 when
     * it would exceed the sessions allowed in all or for that principal.
     */
    void open(WebSocketSession session, String principal) {
        SessionOutbox outbox = new SessionOutbox(new SessionSink(session), properties.getBufferSize(),
                properties.getMaxBatch(), properties.getOverflow(), properties.getMaxQueuedBytes(), this);
        String refusal;
        synchronized (sessions) {
            refusal = sessions.size() >= properties.getMaxSessions()
                    ? "too many sessions: at most " + properties.getMaxSessions()
                    : sessionsOf(principal) >= properties.getMaxSessionsPerPrincipal()
                    ? "too many sessions of this user: at most " + properties.getMaxSessionsPerPrincipal() : null;
            if (refusal == null) {
                sessions.put(session.getId(), new PushSession(outbox, principal));
            }
        }
        if (refusal != null) {
            policyCloses.incrementAndGet();
            session.close(new CloseReason(SessionOutbox.CLOSE_TOO_SLOW, refusal));
        }
    }

    private long sessionsOf(String principal) {
        return sessions.values().stream().filter(session -> session.principal().equals(principal)).count();
    }

    /** A client message: a subscription change, acknowledged with the whole subscription, or an error frame. */
    void message(WebSocketSession session, String text) {
        PushSession pushSession = sessions.get(session.getId());
        if (pushSession == null) {
            return;
        }
        try {
            if (!pushSession.withinRate(System.nanoTime(), properties.getMaxMessagesPerSecond())) {
                throw new PolicyViolationException("more than " + properties.getMaxMessagesPerSecond()
                        + " messages per second");
            }
            SubscriptionRequest request = parser.parse(text);
            Subscription now = pushSession.apply(request, properties.getMaxSymbolsPerSession());
            pushSession.outbox().offerControl(ControlFrames.subscribed(request.channel(), now));
        } catch (BadSubscriptionException e) {
            pushSession.outbox().offerControl(ControlFrames.error(e.getMessage(), e.field()));
        } catch (PolicyViolationException e) {
            policyCloses.incrementAndGet();
            close(session);
            session.close(new CloseReason(SessionOutbox.CLOSE_TOO_SLOW, e.getMessage()));
        }
    }

    void close(WebSocketSession session) {
        PushSession removed = sessions.remove(session.getId());
        if (removed != null) {
            peakQueuedBytes.accumulateAndGet(removed.outbox().peakQueuedBytes(), Math::max);
            removed.outbox().close();
        }
    }

    /**
     * Queues {@code kpi} for every session subscribed to its symbol and window: {@code provisional} for
     * a value read before its commit ({@link ProvisionalFeed}), otherwise a committed one ({@link KpiFeed}).
     */
    public void publish(WindowKpi kpi, boolean provisional) {
        (provisional ? publishedProvisional : published).incrementAndGet();
        String symbol = kpi.getSymbol();
        String window = kpi.getWindow();
        String key = null;
        String text = null;
        for (PushSession session : sessions.values()) {
            if (session.subscription().matches(symbol, window)) {
                if (text == null) {
                    text = KpiJson.write(kpi);
                    key = symbol + '|' + window + '|' + kpi.getWindowStart().toEpochMilli();
                }
                session.outbox().offerUpdate(key, text, provisional);
            }
        }
    }

    /**
     * Queues an alert frame ({@link ControlFrames#alert} of {@code fields}) for every session subscribed to alerts
     * of {@code kind} for {@code symbol}: {@code provisional} for one handed over before its commit (the
     * provisional alert feed), otherwise a committed one. Alerts are rare and each one matters: they go like
     * control frames, never dropped.
     */
    public void publishAlert(String symbol, String kind, Map<String, Object> fields, boolean provisional) {
        (provisional ? publishedProvisionalAlerts : publishedAlerts).incrementAndGet();
        String frame = ControlFrames.alert(fields, provisional);
        for (PushSession session : sessions.values()) {
            if (session.alertSubscription().matches(symbol, kind)) {
                session.outbox().offerControl(frame);
            }
        }
    }

    /** Committed alerts offered to the sessions. */
    public long publishedAlertCount() {
        return publishedAlerts.get();
    }

    /** Provisional alerts (handed over before their commit) offered to the sessions. */
    public long publishedProvisionalAlertCount() {
        return publishedProvisionalAlerts.get();
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

    public long publishedProvisionalCount() {
        return publishedProvisional.get();
    }

    public long droppedCount() {
        return dropped.get();
    }

    public long slowDisconnectCount() {
        return slowDisconnects.get();
    }

    /** Sessions closed (1008) for a limit other than falling behind: sessions, symbols, message rate. */
    public long policyCloseCount() {
        return policyCloses.get();
    }

    /** The most bytes that waited in one session's outbox, over the sessions open and closed. */
    public long peakQueuedBytes() {
        long open = sessions.values().stream().mapToLong(session -> session.outbox().peakQueuedBytes()).max()
                .orElse(0);
        return Math.max(open, peakQueuedBytes.get());
    }

    @Override
    public void dropped(int count) {
        dropped.addAndGet(count);
    }

    @Override
    public void disconnectedSlow() {
        slowDisconnects.incrementAndGet();
        LOG.info("Closed a WebSocket session that did not keep up ({} KPI updates or {} bytes waiting)",
                properties.getBufferSize(), properties.getMaxQueuedBytes());
    }

    /**
     * A session's connection as the outbox sees it. A session its outbox closes leaves the hub at once: a
     * client that reads nothing may never complete the close handshake.
     */
    private final class SessionSink implements FrameSink {

        private final WebSocketSession session;

        SessionSink(WebSocketSession session) {
            this.session = session;
        }

        @Override
        public CompletionStage<?> send(String frame) {
            return session.sendAsync(frame);
        }

        @Override
        public void close(int code, String reason) {
            PushHub.this.close(session);
            session.close(new CloseReason(code, reason));
        }
    }
}
