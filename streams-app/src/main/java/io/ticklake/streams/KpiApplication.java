package io.ticklake.streams;

import io.ticklake.schemas.registry.SchemaRegistryException;
import io.ticklake.streams.http.KpiHttpServer;
import io.ticklake.streams.query.HttpKpiRemoteClient;
import io.ticklake.streams.query.KpiQueryService;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running instance: Kafka Streams with the KPI topology and, when {@code application.server}
 * is set, the HTTP endpoint and the query service. Used by the standalone runner, the integration
 * tests and the benchmark; a host with its own web layer (dashboard-api) builds the same pieces
 * from {@link KpiTopology} and {@link KpiQueryService} instead.
 */
public final class KpiApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KpiApplication.class);

    private final StreamsAppConfig config;
    private final KafkaStreams streams;
    private final KpiHttpServer http;
    private final HttpKpiRemoteClient remote;
    private final KpiQueryService queries;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean failed;

    private KpiApplication(StreamsAppConfig requested) {
        HostInfo server = requested.applicationServer();
        this.http = server == null ? null : new KpiHttpServer(new InetSocketAddress(server.host(), server.port()));
        // the bound port replaces port 0, so other instances forward to where this one listens
        this.config = http == null ? requested
                : requested.with(StreamsAppConfig.APPLICATION_SERVER, server.host() + ":" + http.port());
        this.streams = new KafkaStreams(KpiTopology.topology(config), config.streamsProperties());
        streams.setUncaughtExceptionHandler(KpiApplication::onUncaught);
        streams.setStateListener((newState, oldState) -> {
            LOG.info("Kafka Streams {} -> {}", oldState, newState);
            if (newState == KafkaStreams.State.ERROR) {
                failed = true;
            }
            if (newState == KafkaStreams.State.NOT_RUNNING || newState == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        if (http != null) {
            this.remote = new HttpKpiRemoteClient(Duration.ofMillis(config.remoteTimeoutMs()),
                    Duration.ofMillis(config.retryAfterMs()));
            this.queries = new KpiQueryService(streams, config, remote);
            http.attach(queries);
        } else {
            this.remote = null;
            this.queries = null;
        }
    }

    /** Builds and starts an instance. */
    public static KpiApplication start(StreamsAppConfig config) {
        KpiApplication application = new KpiApplication(config);
        application.streams.start();
        LOG.info("TickLake KPIs started: {} -> {} (emit {}), DLQ {}, queries on {}", application.config.ticksTopic(),
                application.config.kpisTopic(), application.config.emitMode().label(), application.config.dlqTopic(),
                application.http == null ? "(none)" : application.config.applicationServer());
        return application;
    }

    /**
     * A registry that cannot be reached fails the thread without dead-lettering anything; a new
     * thread resumes from the last commit. Anything else stops the instance, loudly.
     */
    private static StreamThreadExceptionResponse onUncaught(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryException) {
                LOG.warn("Schema registry unavailable; replacing the stream thread to retry", error);
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            }
        }
        LOG.error("Stream thread failed; shutting this instance down", error);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** The configuration in effect (with the bound port in {@code application.server}). */
    public StreamsAppConfig config() {
        return config;
    }

    /** The query service, when {@code application.server} is set. */
    public Optional<KpiQueryService> queries() {
        return Optional.ofNullable(queries);
    }

    /** Blocks until Kafka Streams stopped; true when it stopped because of an error. */
    public boolean awaitStop() throws InterruptedException {
        stopped.await();
        return failed;
    }

    /**
     * Stops Kafka Streams and leaves the consumer group (as a static member, see
     * {@link StreamsAppConfig#staticMemberId}), so the remaining instances get the partitions at once.
     */
    @Override
    public void close() {
        streams.close(new KafkaStreams.CloseOptions().timeout(Duration.ofSeconds(30)).leaveGroup(true));
        if (http != null) {
            http.close();
        }
        if (remote != null) {
            remote.close();
        }
        try {
            stopped.await(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
