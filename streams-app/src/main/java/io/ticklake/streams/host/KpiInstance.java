package io.ticklake.streams.host;

import io.ticklake.streams.KpiTopology;
import io.ticklake.streams.StreamsAppConfig;
import io.ticklake.streams.kpi.KpiWindow;
import io.ticklake.streams.live.ChangedMinutes;
import io.ticklake.streams.live.LiveTaps;
import io.ticklake.streams.live.ProvisionalAlertListener;
import io.ticklake.streams.live.ProvisionalAlertPublisher;
import io.ticklake.streams.live.ProvisionalAlerts;
import io.ticklake.streams.live.ProvisionalKpiListener;
import io.ticklake.streams.live.ProvisionalPublisher;
import io.ticklake.streams.query.HttpKpiRemoteClient;
import io.ticklake.streams.query.KpiQueryService;
import io.ticklake.streams.query.KpiUnavailableException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Kafka Streams host of the platform: the KPI topology of one instance with its stream-thread
 * failure policy, restore tracking, readiness and liveness, the interactive-query service and the
 * framework-free {@link ForwardingEndpoint}. The standalone runner serves the endpoint with the JDK
 * HTTP server; dashboard-api adapts the same object to Micronaut.
 *
 * <p>It is built before it starts, because {@code application.server} must carry the port the web
 * layer bound (also when port 0 asked for any free one): a host binds its server, then calls
 * {@link #start(StreamsAppConfig)}. Until then every query is "unavailable" and the instance is alive
 * but not ready.
 *
 * <p>Listeners registered with {@link #addProvisionalListener} get the windows this instance owns
 * within {@code ticklake.live.interval.ms} of a tick changing them, before the change commits
 * (provisional, see {@link ProvisionalPublisher}); the committed KPIs are in {@code stock-kpis}. Likewise
 * listeners registered with {@link #addProvisionalAlertListener} get each alert this instance's tasks forward as
 * soon as it is forwarded, before its commit ({@link ProvisionalAlertPublisher}); the committed alerts are in
 * {@code stock-alerts}.
 */
public final class KpiInstance implements AutoCloseable {

    /** {@link #stateName()} before {@link #start}. */
    public static final String NOT_STARTED = "NOT_STARTED";

    private static final Logger LOG = LoggerFactory.getLogger(KpiInstance.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration TOPIC_RETRY = Duration.ofSeconds(2);
    /**
     * Most alerts waiting for the provisional delivery thread. Alerts are rare (a rule fires once per crossing and
     * cool-down) and the thread takes them at once: this many waiting means it is stuck, and dropping (counted)
     * is better than holding a stream thread or unbounded memory; the alert still comes confirmed.
     */
    static final int PROVISIONAL_ALERT_CAPACITY = 10_000;
    private static final Set<KafkaStreams.State> DEAD = EnumSet.of(KafkaStreams.State.PENDING_ERROR,
            KafkaStreams.State.ERROR, KafkaStreams.State.NOT_RUNNING);

    /** Validated at construction, so that a bad configuration stops a host before it serves anything. */
    private final StreamsAppConfig initial;
    private final RestoreTracker restores = new RestoreTracker();
    private final ForwardingEndpoint forwarding = new ForwardingEndpoint(this::queries);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ChangedMinutes changes;
    private final ProvisionalPublisher provisional;
    private final ProvisionalAlerts alertSink = new ProvisionalAlerts(PROVISIONAL_ALERT_CAPACITY);
    private final ProvisionalAlertPublisher provisionalAlerts = new ProvisionalAlertPublisher(alertSink);
    private volatile StreamsAppConfig config;
    private volatile KafkaStreams streams;
    private volatile KpiQueryService queries;
    private volatile boolean failed;
    private volatile boolean closing;
    private final Optional<String> clusterSecret;
    private HttpKpiRemoteClient remote;
    private Thread starter;

    /** A stopped instance of {@code config}; nothing connects to Kafka before {@link #start}. */
    public KpiInstance(StreamsAppConfig config) {
        this(config, Optional.empty());
    }

    /**
     * A stopped instance of {@code config} whose forwarded queries carry {@code clusterSecret} (the
     * instances' shared secret, kept out of {@code config}: Kafka Streams would log it).
     */
    public KpiInstance(StreamsAppConfig config, Optional<String> clusterSecret) {
        this.clusterSecret = clusterSecret;
        this.initial = config;
        this.config = config;
        this.changes = new ChangedMinutes(config.liveMaxPending());
        this.provisional = new ProvisionalPublisher(changes, config.liveIntervalMs());
    }

    /** Starts with the configuration given at construction. */
    public void start() {
        start(initial);
    }

    /**
     * Builds and starts Kafka Streams with {@code running}: the construction's configuration with the
     * {@code application.server} of the bound port (and whatever else a host derives from it, such as
     * the state directory). Without {@code application.server} the instance answers no queries. A second
     * call is ignored. Kafka Streams starts on a thread of its own once the topics of the global stores
     * ({@code kpi-symbol-partitions}, and the alert rules when alerts are on) exist (created here when missing), so
     * a host starts while the brokers are still unreachable.
     */
    public synchronized void start(StreamsAppConfig running) {
        if (streams != null || closing) {
            return;
        }
        running = running.with(StreamsAppConfig.DLQ_MAX_RECORD_BYTES, DlqRecordLimit.resolve(running));
        KafkaStreams created = new KafkaStreams(KpiTopology.topology(running, new LiveTaps(changes, alertSink)),
                running.streamsProperties());
        created.setUncaughtExceptionHandler(new StreamThreadFailurePolicy());
        created.setGlobalStateRestoreListener(restores);
        created.setStateListener((newState, oldState) -> {
            LOG.info("Kafka Streams {} -> {}", oldState, newState);
            if (newState == KafkaStreams.State.ERROR) {
                failed = true;
            }
            if (newState == KafkaStreams.State.NOT_RUNNING || newState == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        if (running.applicationServer() != null) {
            remote = new HttpKpiRemoteClient(Duration.ofMillis(running.remoteTimeoutMs()),
                    Duration.ofMillis(running.retryAfterMs()), clusterSecret);
            queries = new KpiQueryService(created, running, remote);
            KpiQueryService service = queries;
            provisional.start(change -> service.localAround(change.partition(), change.symbol(),
                    change.minuteStart()));
        }
        if (running.alertsEnabled()) {
            provisionalAlerts.start();
        }
        config = running;
        streams = created;
        StreamsAppConfig startWith = running;
        starter = new Thread(() -> startOnceTopicExists(created, startWith), "ticklake-streams-starter");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * Starts {@code created} once the topics of the global stores exist (Kafka Streams fails at start without them),
     * retrying while the brokers cannot be reached; until then the instance is alive, not ready, and queries
     * answer "unavailable". Refused (no permission, invalid): the instance fails, as liveness then says.
     */
    private void startOnceTopicExists(KafkaStreams created, StreamsAppConfig running) {
        while (true) {
            try {
                SymbolPartitionsTopic.ensure(running);
                AlertTopics.ensure(running);
                break;
            } catch (TopicRefused e) {
                LOG.error("Cannot start: {}", e.getMessage(), e);
                failed = true;
                stopped.countDown();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Not started yet: {}; retrying in {}", e.getMessage(), TOPIC_RETRY);
            }
            try {
                Thread.sleep(TOPIC_RETRY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
        synchronized (this) {
            if (closing) {
                return;
            }
            created.start();
        }
        LOG.info("TickLake KPIs started as {}: {} -> {} (emit {}), DLQ {}, queries on {}, state in {}",
                running.applicationId(), running.ticksTopic(), running.kpisTopic(), running.emitMode().label(),
                running.dlqTopic(), running.applicationServer() == null ? "(none)" : running.applicationServer(),
                running.streamsProperties().getOrDefault(StreamsAppConfig.STATE_DIR, "(Kafka Streams' default)"));
    }

    /**
     * Registers {@code listener} for provisional KPIs: the current value of every window of this
     * instance's partitions that a tick changed, about every {@code ticklake.live.interval.ms}, read
     * before the change commits (a crash or abort can take it back; only the committed {@code stock-kpis}
     * record is final). Needs {@code application.server} (the values are read as interactive queries
     * read them); may be called before {@link #start}. Closing the registration removes the listener.
     */
    public ProvisionalPublisher.Registration addProvisionalListener(ProvisionalKpiListener listener) {
        return provisional.subscribe(listener);
    }

    /** Provisional KPIs handed to the listeners since start. */
    public long provisionalPublished() {
        return provisional.publishedCount();
    }

    /** Changed windows not pushed provisionally because {@code ticklake.live.max.pending} waited already. */
    public long provisionalDropped() {
        return provisional.droppedCount();
    }

    /**
     * Registers {@code listener} for provisional alerts: every alert this instance's tasks forward to the alerts
     * topic, handed over within a few milliseconds, before its transaction commits (an abort takes it back; only
     * the committed {@code stock-alerts} record is confirmed). Unlike provisional KPIs it needs no
     * {@code application.server}; nothing comes while {@code ticklake.alerts.enabled} is false. May be called
     * before {@link #start}. Closing the registration removes the listener.
     */
    public ProvisionalPublisher.Registration addProvisionalAlertListener(ProvisionalAlertListener listener) {
        return provisionalAlerts.subscribe(listener);
    }

    /** Provisional alerts not handed over because {@value #PROVISIONAL_ALERT_CAPACITY} waited already. */
    public long provisionalAlertsDropped() {
        return provisionalAlerts.droppedCount();
    }

    /** The forwarding endpoint of this instance, to be served on {@code application.server}. */
    public ForwardingEndpoint forwarding() {
        return forwarding;
    }

    /**
     * The query service; throws {@link KpiUnavailableException} before {@link #start}, and
     * {@link IllegalStateException} when the instance runs without {@code application.server}.
     */
    public KpiQueryService queries() {
        KpiQueryService service = queries;
        if (service != null) {
            return service;
        }
        if (streams != null) {
            throw new IllegalStateException("this instance answers no queries: " + StreamsAppConfig.APPLICATION_SERVER
                    + " is not set");
        }
        throw new KpiUnavailableException("this instance is starting; retry",
                Duration.ofMillis(initial.retryAfterMs()));
    }

    /** Kafka Streams of this instance; only after {@link #start}. */
    public KafkaStreams streams() {
        KafkaStreams current = streams;
        if (current == null) {
            throw new IllegalStateException("this instance has not started");
        }
        return current;
    }

    /** The state of Kafka Streams, empty before {@link #start}. */
    public Optional<KafkaStreams.State> state() {
        KafkaStreams current = streams;
        return current == null ? Optional.empty() : Optional.of(current.state());
    }

    /** The state's name, {@value #NOT_STARTED} before {@link #start}. */
    public String stateName() {
        return state().map(Enum::name).orElse(NOT_STARTED);
    }

    /** Partitions of state stores being restored from their changelogs right now. */
    public int restoringPartitions() {
        return restores.restoring();
    }

    /** True when Kafka Streams is RUNNING and restores nothing: it answers queries for its partitions. */
    public boolean isReady() {
        return state().filter(state -> state == KafkaStreams.State.RUNNING).isPresent() && restores.restoring() == 0;
    }

    /**
     * True unless Kafka Streams failed or stopped on its own (restart the process); a rebalance, a
     * restore, not having started yet or being closed by the host keep it alive.
     */
    public boolean isAlive() {
        if (closing) {
            return true;
        }
        return !failed && state().filter(DEAD::contains).isEmpty();
    }

    /**
     * Symbols whose accepted ticks arrive on more than one input partition (a random or round-robin partitioner),
     * with those partitions; empty before start, without {@code application.server}, or while the global store
     * cannot be read. Without {@code ticklake.repartition.by.symbol} their candles are split between partitions.
     */
    public SortedMap<String, SortedSet<Integer>> splitSymbols() {
        KpiQueryService service = queries;
        if (service == null) {
            return new TreeMap<>();
        }
        try {
            return service.splitSymbols();
        } catch (KpiUnavailableException e) {
            return new TreeMap<>();
        }
    }

    /** Kafka Streams' client metrics (consumer, producer, stream threads, DLQ counters); empty before start. */
    public Map<MetricName, ? extends Metric> metrics() {
        KafkaStreams current = streams;
        return current == null ? Map.of() : current.metrics();
    }

    /** The configuration in effect: the running one once started (with {@code application.server}). */
    public StreamsAppConfig config() {
        return config;
    }

    /** Window labels that can be queried: 1m and the rollups, ascending. */
    public List<String> windows() {
        return initial.allWindows().stream().map(KpiWindow::label).toList();
    }

    /** Blocks until Kafka Streams stopped; true when it stopped because of an error. */
    public boolean awaitStop() throws InterruptedException {
        stopped.await();
        return failed;
    }

    /**
     * Stops Kafka Streams and leaves the consumer group (as a static member, see
     * {@link StreamsAppConfig#streamsProperties()}), so the remaining instances get the partitions at
     * once instead of after the session timeout.
     */
    @Override
    public synchronized void close() {
        closing = true;
        if (starter != null) {
            starter.interrupt();
        }
        provisional.close();
        provisionalAlerts.close();
        if (streams != null) {
            streams.close(new KafkaStreams.CloseOptions().timeout(CLOSE_TIMEOUT).leaveGroup(true));
        }
        if (remote != null) {
            remote.close();
        }
    }
}
