package io.ticklake.e2e.soak;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticklake.e2e.kafka.ClusterState;
import io.ticklake.e2e.kafka.Coordinates;
import io.ticklake.e2e.kafka.DlqRecord;
import io.ticklake.e2e.kafka.TickRecord;
import io.ticklake.e2e.kafka.TopicContents;
import io.ticklake.e2e.kafka.TopicReader;
import io.ticklake.e2e.lake.LakeReader;
import io.ticklake.e2e.lake.LakeRow;
import io.ticklake.e2e.process.Artifacts;
import io.ticklake.e2e.process.LakeJobs;
import io.ticklake.e2e.reference.CompactedTicks;
import io.ticklake.e2e.process.DashboardInstance;
import io.ticklake.e2e.reference.Classified;
import io.ticklake.e2e.reference.Kpi;
import io.ticklake.e2e.reference.KpiComparison;
import io.ticklake.e2e.reference.ReferenceKpis;
import io.ticklake.e2e.reference.StreamsVerdicts;
import io.ticklake.e2e.reference.Verdict;
import io.ticklake.e2e.reference.WindowKey;
import io.ticklake.e2e.web.DashboardClient;
import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.contract.TickIdentity;
import io.ticklake.spark.lake.HourPartition;
import io.ticklake.schemas.WindowKpi;
import io.ticklake.schemas.serde.AvroSerdeConfig;
import io.ticklake.schemas.serde.KafkaAvroDeserializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionTimeoutException;

/**
 * After the feed stopped: lets the pipeline drain (polled, with a deadline) and checks every claim of the
 * soak against what the test computes itself from the topic, recording counts and problems in the report.
 */
final class SoakVerifier {

    /** streams-app defaults the dashboards run with: ticklake.grace.ms, ticklake.validation.max.future.ms */
    static final long GRACE_MS = 10_000;
    static final long MAX_FUTURE_MS = GRACE_MS;

    private final SoakPipeline pipeline;
    private final SoakReport report;
    private final Duration wait;
    private final TopicReader reader;

    SoakVerifier(SoakPipeline pipeline, SoakReport report, Duration wait) {
        this.pipeline = pipeline;
        this.report = report;
        this.wait = wait;
        this.reader = new TopicReader(pipeline.platform().kafkaBootstrapServers(),
                pipeline.platform().schemaRegistryUrl());
    }

    void verify(List<StockTick> sent, Path scratch) {
        List<TickRecord> input = reader.ticks(SoakPipeline.TOPICS.ticks());
        report.count("ticks sent (injected extras included)", sent.size());
        report.count("records in the ticks topic", input.size());
        TopicContents.differences(sent, input).forEach(d -> report.problem("ticks topic: " + d));
        List<Classified> verdicts = StreamsVerdicts.classify(input, GRACE_MS, MAX_FUTURE_MS);
        for (Verdict verdict : Verdict.values()) {
            report.count("ticks the streams app must treat as " + verdict, records(verdicts, verdict).size());
        }

        awaitDrained();
        verifyLake(verdicts, scratch);
        verifyDeadLetters(verdicts);
        verifyKpis(records(verdicts, Verdict.ACCEPTED), input);
    }

    /** No lag in the streams app's and the sink's groups, no open transaction, every connector task running. */
    private void awaitDrained() {
        ClusterState cluster = pipeline.cluster();
        AtomicReference<String> state = new AtomicReference<>("not polled yet");
        try {
            await().atMost(wait).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
                long streamsLag = cluster.lag(SoakPipeline.APPLICATION_ID, SoakPipeline.TOPICS.ticks());
                long sinkLag = cluster.lag(SoakPipeline.CONNECTOR_GROUP, SoakPipeline.TOPICS.ticks());
                List<String> open = cluster.openTransactions();
                List<String> tasks = pipeline.sink().notRunning();
                state.set("streams lag " + streamsLag + ", sink lag " + sinkLag + ", open transactions " + open
                        + ", connector states not RUNNING " + tasks);
                return streamsLag == 0 && sinkLag == 0 && open.isEmpty() && tasks.isEmpty();
            });
            report.count("consumer group lag after draining (streams + sink)", 0);
            report.count("open transactions after draining", 0);
        } catch (ConditionTimeoutException e) {
            report.problem("not drained within " + wait + ": " + state.get());
        }
    }

    private void verifyLake(List<Classified> verdicts, Path scratch) {
        Set<Coordinates> valid = verdicts.stream().filter(c -> c.verdict() != Verdict.INVALID)
                .map(c -> c.record().coordinates()).collect(Collectors.toSet());
        Set<Coordinates> invalid = verdicts.stream().filter(c -> c.verdict() == Verdict.INVALID)
                .map(c -> c.record().coordinates()).collect(Collectors.toSet());
        List<LakeRow> rows;
        Path lakeDir = scratch.resolve("lake");
        try {
            Files.createDirectories(lakeDir);
            pipeline.lake().mirrorRaw(lakeDir);
            try (LakeReader lake = new LakeReader(lakeDir)) {
                rows = lake.raw();
            }
        } catch (Exception e) {
            report.problem("cannot read the raw lake: " + e);
            return;
        }
        Map<Coordinates, Long> counts = rows.stream()
                .collect(Collectors.groupingBy(LakeRow::coordinates, TreeMap::new, Collectors.counting()));
        long duplicated = counts.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
        long lost = valid.stream().filter(c -> !counts.containsKey(c)).count();
        long invalidLanded = invalid.stream().filter(counts::containsKey).count();
        report.count("valid ticks expected in the raw lake", valid.size());
        report.count("raw lake rows", rows.size());
        report.count("raw lake: lost valid ticks", lost);
        report.count("raw lake: duplicated rows", duplicated);
        report.count("raw lake: invalid ticks landed", invalidLanded);
        if (lost > 0 || duplicated > 0 || invalidLanded > 0) {
            report.problem("raw lake: " + lost + " valid ticks missing, " + duplicated + " rows landed twice, "
                    + invalidLanded + " invalid ticks landed");
        }
        Set<Coordinates> unexpected = counts.keySet().stream().filter(c -> !valid.contains(c) && !invalid.contains(c))
                .collect(Collectors.toSet());
        if (!unexpected.isEmpty()) {
            report.problem("raw lake rows at coordinates the topic does not hold: " + unexpected.size());
        }
        verifyCompacted(lakeDir, verdicts, invalid, scratch);
    }

    /**
     * Compacts the landed lake into {@code ticklake.ticks} the way Airflow does ({@code spark-job compact}, on
     * the byte-for-byte copy of the MinIO lake, whose hours the feed's event times have closed) and checks
     * that the table holds every valid trade exactly once per hour by (symbol, sequence), as the copy the
     * compaction rule keeps, and no invalid tick.
     */
    private void verifyCompacted(Path lakeDir, List<Classified> verdicts, Set<Coordinates> invalid, Path scratch) {
        List<TickRecord> kept = CompactedTicks.kept(verdicts.stream().filter(c -> c.verdict() != Verdict.INVALID)
                .map(Classified::record).toList());
        List<LakeRow> rows = new ArrayList<>();
        try (LakeReader lake = new LakeReader(lakeDir)) {
            JsonNode result = new LakeJobs(Artifacts.locate(), scratch).compact(lake.uri());
            report.count("compaction: hours published", result.path("hours_published").asLong());
            for (HourPartition hour : lake.rawHours()) {
                lake.compacted(hour).ifPresentOrElse(h -> rows.addAll(h.rows()), () -> report.problem(
                        "compacted table: hour " + hour + " has raw files but no data files: " + result));
            }
        } catch (RuntimeException e) {
            report.problem("cannot compact the lake or read ticklake.ticks: " + e);
            return;
        }
        Map<String, Long> perTrade = rows.stream().collect(Collectors.groupingBy(
                row -> row.hourDirectory() + " " + TickIdentity.key(row.symbol(), row.sequence()), Collectors.counting()));
        long duplicated = perTrade.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
        Set<Coordinates> compacted = rows.stream().map(LakeRow::coordinates).collect(Collectors.toSet());
        long lost = kept.stream().filter(t -> !compacted.contains(t.coordinates())).count();
        long invalidKept = compacted.stream().filter(invalid::contains).count();
        report.count("trades expected in the compacted table", kept.size());
        report.count("compacted table rows", rows.size());
        report.count("compacted table: lost trades", lost);
        report.count("compacted table: trades held twice", duplicated);
        if (lost > 0 || duplicated > 0 || invalidKept > 0 || rows.size() != kept.size()) {
            report.problem("compacted table: " + rows.size() + " rows for " + kept.size() + " trades, " + lost
                    + " trades missing, " + duplicated + " held twice, " + invalidKept + " invalid ticks");
        }
    }

    private void verifyDeadLetters(List<Classified> verdicts) {
        Map<Coordinates, Classified> rejected = verdicts.stream()
                .filter(c -> c.verdict() == Verdict.INVALID || c.verdict() == Verdict.LATE)
                .collect(Collectors.toMap(c -> c.record().coordinates(), Function.identity()));
        List<DlqRecord> deadLetters = reader.deadLetters(SoakPipeline.TOPICS.dlq());
        Map<Coordinates, Long> fromStreams = deadLetters.stream().filter(DlqRecord::fromStreams)
                .collect(Collectors.groupingBy(DlqRecord::source, Collectors.counting()));
        report.count("DLQ records from the streams app", fromStreams.values().stream().mapToLong(n -> n).sum());
        List<String> wrong = new ArrayList<>();
        rejected.forEach((coordinates, c) -> {
            Long n = fromStreams.get(coordinates);
            if (n == null || n != 1) {
                wrong.add(c.verdict() + " " + coordinates + " dead-lettered " + (n == null ? 0 : n) + " times");
            }
        });
        fromStreams.keySet().stream().filter(c -> !rejected.containsKey(c))
                .forEach(c -> wrong.add("accepted tick " + c + " dead-lettered"));
        deadLetters.stream().filter(DlqRecord::fromStreams).filter(d -> rejected.containsKey(d.source()))
                .filter(d -> rejected.get(d.source()).verdict() == Verdict.INVALID
                        ? !"validate".equals(d.stage()) || !d.errorMessage().contains(rejected.get(d.source()).reason())
                        : !"late".equals(d.stage()))
                .forEach(d -> wrong.add(d.source() + " dead-lettered with stage " + d.stage() + ": " + d.errorMessage()));
        Set<Coordinates> invalid = verdicts.stream().filter(c -> c.verdict() == Verdict.INVALID)
                .map(c -> c.record().coordinates()).collect(Collectors.toSet());
        deadLetters.stream().filter(DlqRecord::fromConnect).filter(d -> !invalid.contains(d.source()))
                .forEach(d -> wrong.add("the sink dead-lettered valid tick " + d.source()));
        if (!wrong.isEmpty()) {
            report.problem("DLQ: " + wrong.size() + " wrong, e.g. " + wrong.subList(0, Math.min(5, wrong.size())));
        }
    }

    /** The committed KPI topic and every instance's interactive queries against the reference. */
    private void verifyKpis(List<TickRecord> accepted, List<TickRecord> input) {
        Map<WindowKey, Kpi> minutes = ReferenceKpis.compute(accepted, Duration.ofMinutes(1));
        Map<WindowKey, Kpi> hours = ReferenceKpis.compute(accepted, Duration.ofHours(1));
        report.count("1-minute KPI windows verified", minutes.size());

        List<String> committed = new ArrayList<>();
        try {
            Map<String, Map<WindowKey, Kpi>> topic = committedKpis();
            committed.addAll(KpiComparison.differences(minutes, topic.getOrDefault("1m", Map.of()), true));
            committed.addAll(KpiComparison.differences(hours, topic.getOrDefault("1h", Map.of()), false));
        } catch (RuntimeException e) {
            committed.add("cannot read the KPI topic: " + e);
        }
        if (!committed.isEmpty()) {
            report.problem(KpiComparison.describe("committed KPIs (read_committed " + SoakPipeline.TOPICS.kpis() + ")",
                    committed));
        }

        Instant from = input.stream().map(t -> t.tick().getEventTime()).min(Comparator.naturalOrder()).orElseThrow()
                .truncatedTo(ChronoUnit.HOURS);
        Instant to = input.stream().map(t -> t.tick().getEventTime()).max(Comparator.naturalOrder()).orElseThrow()
                .truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        List<String> symbols = accepted.stream().map(TickRecord::symbol).distinct().sorted().toList();
        for (DashboardInstance instance : pipeline.instances().values()) {
            try {
                // an instance killed by the rotation restores its stores before it answers: not an IQ failure
                instance.awaitReady(wait);
            } catch (IllegalStateException e) {
                report.problem("instance " + instance.name() + " not ready for interactive queries: " + e.getMessage());
                continue;
            }
            DashboardClient api = new DashboardClient(instance.url());
            AtomicReference<List<String>> last = new AtomicReference<>(List.of("no answer yet"));
            try {
                await().atMost(wait).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    Map<WindowKey, Kpi> actualMinutes = new TreeMap<>();
                    Map<WindowKey, Kpi> actualHours = new TreeMap<>();
                    try {
                        for (String symbol : symbols) {
                            actualMinutes.putAll(api.kpis(symbol, "1m", from, to));
                            actualHours.putAll(api.kpis(symbol, "1h", from, to));
                        }
                    } catch (RuntimeException e) {
                        last.set(List.of("a query failed: " + e.getMessage()));
                        return false;
                    }
                    List<String> differences = KpiComparison.differences(minutes, actualMinutes, true);
                    differences.addAll(KpiComparison.differences(hours, actualHours, false));
                    last.set(differences);
                    return differences.isEmpty();
                });
            } catch (ConditionTimeoutException e) {
                report.problem(KpiComparison.describe("interactive queries through instance " + instance.name(),
                        last.get()));
            }
        }
    }

    /** The latest committed value of every window in the KPI topic, by window size. */
    private Map<String, Map<WindowKey, Kpi>> committedKpis() {
        String topic = SoakPipeline.TOPICS.kpis();
        Map<String, Map<WindowKey, Kpi>> bySize = new TreeMap<>();
        try (KafkaAvroDeserializer avro = new KafkaAvroDeserializer()) {
            avro.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, pipeline.platform().schemaRegistryUrl(),
                    AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
            for (ConsumerRecord<byte[], byte[]> record : reader.raw(topic)) {
                WindowKpi value = (WindowKpi) avro.deserialize(topic, record.value());
                Kpi kpi = new Kpi(value.getSymbol(), value.getWindowStart(), value.getWindowEnd(), value.getOpen(),
                        value.getHigh(), value.getLow(), value.getClose(), value.getAvg(), value.getVwap(),
                        value.getVolume(), value.getTradeCount(), value.getStddev(), value.getLastEventTime(),
                        value.getMa15m(), value.getMa1h());
                bySize.computeIfAbsent(value.getWindow(), w -> new TreeMap<>()).put(kpi.key(), kpi); // latest wins
            }
        }
        return bySize;
    }

    private static List<TickRecord> records(List<Classified> verdicts, Verdict verdict) {
        return verdicts.stream().filter(c -> c.verdict() == verdict).map(Classified::record).toList();
    }
}
