package io.ticklake.dashboard.streams;

import io.micronaut.context.annotation.Context;
import io.ticklake.dashboard.config.PlatformProperties;
import io.ticklake.dashboard.config.StreamsProperties;
import io.ticklake.streams.KpiTopology;
import io.ticklake.streams.StreamsAppConfig;
import io.ticklake.streams.kpi.KpiWindow;
import io.ticklake.streams.query.HttpKpiRemoteClient;
import io.ticklake.streams.query.KpiQueryService;
import io.ticklake.streams.query.KpiUnavailableException;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka Streams instance this process hosts: streams-app's KPI topology with its interactive-query
 * service. It starts once the HTTP server is bound ({@link #start(int)}), because
 * {@code application.server} must carry the port other instances forward to; until then, and
 * whenever Kafka Streams is not RUNNING, queries answer "unavailable". Created with the context, so a
 * bad configuration stops the start.
 */
@Context
public class KpiStreams implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KpiStreams.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final PlatformProperties platform;
    private final StreamsProperties properties;
    /** Validated at construction, so that a bad configuration stops the process before it serves anything. */
    private final StreamsAppConfig baseConfig;
    private final RestoreTracker restores = new RestoreTracker();
    private volatile StreamsAppConfig config;
    private volatile KafkaStreams streams;
    private volatile KpiQueryService queries;
    private HttpKpiRemoteClient remote;
    private volatile boolean closing;

    public KpiStreams(PlatformProperties platform, StreamsProperties properties) {
        this.platform = platform;
        this.properties = properties;
        this.baseConfig = properties.toStreamsConfig(platform, null);
        this.config = baseConfig;
    }

    /** Builds and starts Kafka Streams, announcing {@code advertised-host:port} for forwarded queries. */
    public synchronized void start(int port) {
        if (streams != null) {
            return;
        }
        StreamsAppConfig running = properties.toStreamsConfig(platform, port);
        KafkaStreams created = new KafkaStreams(KpiTopology.topology(running), running.streamsProperties());
        created.setUncaughtExceptionHandler(new StreamThreadFailurePolicy());
        created.setGlobalStateRestoreListener(restores);
        created.setStateListener((newState, oldState) -> LOG.info("Kafka Streams {} -> {}", oldState, newState));
        this.remote = new HttpKpiRemoteClient(Duration.ofMillis(running.remoteTimeoutMs()),
                Duration.ofMillis(running.retryAfterMs()));
        this.queries = new KpiQueryService(created, running, remote);
        this.config = running;
        this.streams = created;
        created.start();
        LOG.info("Hosting the KPI topology {} -> {} as {} (application.server {}, state in {})",
                running.ticksTopic(), running.kpisTopic(), running.applicationId(), running.applicationServer(),
                running.streamsProperties().get(StreamsAppConfig.STATE_DIR));
    }

    /** The query service; "unavailable" while this instance has not started yet. */
    public KpiQueryService queries() {
        KpiQueryService service = queries;
        if (service == null) {
            throw new KpiUnavailableException("this instance is starting; retry",
                    Duration.ofMillis(baseConfig.retryAfterMs()));
        }
        return service;
    }

    /** The state of Kafka Streams, empty before {@link #start(int)}. */
    public Optional<KafkaStreams.State> state() {
        KafkaStreams current = streams;
        return current == null ? Optional.empty() : Optional.of(current.state());
    }

    /** Partitions of state stores being restored from their changelogs right now. */
    public int restoringPartitions() {
        return restores.restoring();
    }

    /** True when this instance is RUNNING and restores nothing: it answers queries for its partitions. */
    public boolean isReady() {
        return state().filter(state -> state == KafkaStreams.State.RUNNING).isPresent() && restores.restoring() == 0;
    }

    /** True unless Kafka Streams failed or stopped while this process still runs. */
    public boolean isAlive() {
        Optional<KafkaStreams.State> state = state();
        if (state.isEmpty() || closing) {
            return true;
        }
        return state.get() != KafkaStreams.State.ERROR && state.get() != KafkaStreams.State.PENDING_ERROR
                && state.get() != KafkaStreams.State.NOT_RUNNING;
    }

    /** Kafka Streams' client metrics (consumer, producer, stream threads, DLQ counters); empty before start. */
    public Map<MetricName, ? extends Metric> metrics() {
        KafkaStreams current = streams;
        return current == null ? Map.of() : current.metrics();
    }

    /** The configuration in effect (with {@code application.server} once started). */
    public StreamsAppConfig config() {
        return config;
    }

    /** Window labels that can be queried and pushed: 1m and the rollups, ascending. */
    public List<String> windows() {
        return baseConfig.allWindows().stream().map(KpiWindow::label).toList();
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        closing = true;
        if (streams != null) {
            // leaving the group (as a static member) hands the partitions over at once, not after 45 s
            streams.close(new KafkaStreams.CloseOptions().timeout(CLOSE_TIMEOUT).leaveGroup(true));
        }
        if (remote != null) {
            remote.close();
        }
    }
}
