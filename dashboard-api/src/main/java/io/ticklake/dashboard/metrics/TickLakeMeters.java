package io.ticklake.dashboard.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.ticklake.dashboard.push.PushHub;
import io.ticklake.streams.host.KpiInstance;
import io.ticklake.streams.ingest.DlqMetrics;
import io.ticklake.streams.ingest.DuplicateMetrics;
import jakarta.inject.Singleton;

/**
 * The platform's own meters on {@code /prometheus}, read from Kafka Streams' client metrics and the
 * push hub when scraped: ticks consumed (total and per second), duplicate ticks dropped, records dead-lettered, the
 * consumer lag on the ticks topic, the symbols split over several input partitions, the Kafka Streams state, and the WebSocket sessions with their
 * dropped updates and slow-client disconnects.
 */
@Singleton
class TickLakeMeters implements MeterBinder {

    private final KpiInstance instance;
    private final PushHub hub;

    TickLakeMeters(KpiInstance instance, PushHub hub) {
        this.instance = instance;
        this.hub = hub;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        String ticks = instance.config().ticksTopic();
        FunctionCounter.builder("ticklake.ticks.consumed", instance, s -> StreamsMetricsReader.sum(s.metrics(),
                        StreamsMetricsReader.FETCH_MANAGER, "records-consumed-total", StreamsMetricsReader.topicLevel(ticks)))
                .description("Ticks read from " + ticks + " by this instance").register(registry);
        Gauge.builder("ticklake.ticks.rate", instance, s -> StreamsMetricsReader.sum(s.metrics(),
                        StreamsMetricsReader.FETCH_MANAGER, "records-consumed-rate", StreamsMetricsReader.topicLevel(ticks)))
                .description("Ticks read per second (Kafka's rate over its sample window)")
                .register(registry);
        Gauge.builder("ticklake.ticks.lag", instance, s -> StreamsMetricsReader.sum(s.metrics(),
                        StreamsMetricsReader.FETCH_MANAGER, "records-lag", StreamsMetricsReader.partitionLevel(ticks)))
                .description("Ticks not yet read on the partitions this instance processes").register(registry);
        FunctionCounter.builder("ticklake.dlq.records", instance, s -> StreamsMetricsReader.sum(s.metrics(),
                        DlqMetrics.GROUP, DlqMetrics.TOTAL, tags -> true))
                .description("Records this instance sent to the dead-letter topic").register(registry);
        FunctionCounter.builder("ticklake.ticks.duplicates", instance, s -> StreamsMetricsReader.sum(s.metrics(),
                        DuplicateMetrics.GROUP, DuplicateMetrics.TOTAL, tags -> true))
                .description("Ticks dropped as copies of a (symbol, sequence) already counted").register(registry);
        Gauge.builder("ticklake.symbols.split", instance, s -> s.splitSymbols().size())
                .description("Symbols whose ticks arrive on more than one input partition (random or round-robin"
                        + " partitioner); their candles are split unless ticklake.repartition.by.symbol=true")
                .register(registry);
        Gauge.builder("ticklake.streams.ready", instance, s -> s.isReady() ? 1 : 0)
                .description("1 when Kafka Streams is RUNNING and restores nothing").register(registry);
        Gauge.builder("ticklake.websocket.sessions", hub, PushHub::sessionCount)
                .description("Open /ws/kpis sessions").register(registry);
        FunctionCounter.builder("ticklake.websocket.updates.published", hub, PushHub::publishedCount)
                .description("Committed KPI updates read from the KPI topic and offered to the sessions")
                .register(registry);
        FunctionCounter.builder("ticklake.websocket.provisional.updates.published", hub,
                        PushHub::publishedProvisionalCount)
                .description("Provisional KPI updates (read before their commit) offered to the sessions")
                .register(registry);
        FunctionCounter.builder("ticklake.provisional.changes.dropped", instance, KpiInstance::provisionalDropped)
                .description("Changed windows not pushed provisionally because the backlog"
                        + " (ticklake.live.max.pending) was full").register(registry);
        FunctionCounter.builder("ticklake.websocket.provisional.alerts.published", hub,
                        PushHub::publishedProvisionalAlertCount)
                .description("Provisional alerts (handed over before their commit) offered to the sessions")
                .register(registry);
        FunctionCounter.builder("ticklake.provisional.alerts.dropped", instance,
                        KpiInstance::provisionalAlertsDropped)
                .description("Alerts not pushed provisionally because the instance's backlog of them was full"
                        + " (they still come confirmed)").register(registry);
        FunctionCounter.builder("ticklake.websocket.updates.dropped", hub, PushHub::droppedCount)
                .description("KPI updates dropped for slow clients (drop-oldest)").register(registry);
        FunctionCounter.builder("ticklake.websocket.slow.disconnects", hub, PushHub::slowDisconnectCount)
                .description("Sessions closed for falling too far behind").register(registry);
    }
}
