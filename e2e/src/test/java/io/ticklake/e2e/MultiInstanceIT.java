package io.ticklake.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticklake.e2e.connect.SinkConnector;
import io.ticklake.e2e.process.WorkDirs;
import io.ticklake.e2e.kafka.Coordinates;
import io.ticklake.e2e.kafka.GroupAssignment;
import io.ticklake.e2e.kafka.TickFeed;
import io.ticklake.e2e.kafka.TickRecord;
import io.ticklake.e2e.kafka.TopicContents;
import io.ticklake.e2e.kafka.TopicReader;
import io.ticklake.e2e.kafka.Topics;
import io.ticklake.e2e.lake.LakeReader;
import io.ticklake.e2e.lake.LakeRow;
import io.ticklake.e2e.process.Artifacts;
import io.ticklake.e2e.process.DashboardInstance;
import io.ticklake.e2e.process.ExtraConnectWorker;
import io.ticklake.e2e.reference.Kpi;
import io.ticklake.e2e.reference.KpiComparison;
import io.ticklake.e2e.reference.ReferenceKpis;
import io.ticklake.e2e.reference.StreamsVerdicts;
import io.ticklake.e2e.reference.WindowKey;
import io.ticklake.e2e.web.DashboardClient;
import io.ticklake.e2e.web.DashboardCredentials;
import io.ticklake.infra.PlatformConfig;
import io.ticklake.infra.PlatformListener;
import io.ticklake.infra.launch.Launcher;
import io.ticklake.infra.launch.RunSettings;
import io.ticklake.infra.process.Ports;
import io.ticklake.infra.testing.ServiceHandle;
import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.simulator.inject.InjectionSettings;
import io.ticklake.simulator.market.DefaultSymbols;
import io.ticklake.simulator.market.SimulationSettings;
import io.ticklake.simulator.produce.ProducerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two dashboard-api/streams instances (separate JVMs, one application id, own ports and state
 * directories: the one {@code ./ticklake run}'s launcher starts and a second one) and two Connect workers (the platform's and one more in the same group) share the
 * work on loopback. Then one of each is killed with SIGKILL while ticks are still being processed:
 * the survivors take over their partitions and tasks, the lake ends up with every tick exactly once,
 * the KPIs are complete, and the remaining instance answers every query correctly, never with
 * anything but the right answer or "unavailable, retry" (503).
 *
 * <p>The Connect worker killed is the platform's, which joined first and leads the group: when the
 * leader dies, the new leader hands out the orphaned tasks at once. (A follower's tasks would wait
 * for Connect's {@code scheduled.rebalance.max.delay.ms}, 5 minutes by default, in case it comes
 * back; see e2e/README.md.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiInstanceIT {

    private static final Topics TOPICS = Topics.shipped();
    /** The dashboard's default Kafka Streams application id (streams-app's {@code APPLICATION_ID_DEFAULT}). */
    private static final String APPLICATION_ID = "ticklake-kpis";
    private static final List<String> SYMBOLS = List.of("AAPL", "AMZN", "GOOGL", "JPM", "META", "MSFT", "NVDA", "TSLA");
    private static final int TICKS_PER_PHASE = 2_000;
    private static final long SEED = 4_242L;
    private static final Duration WAIT = Duration.ofMinutes(3);
    /** streams-app defaults the dashboards run with: ticklake.grace.ms, ticklake.validation.max.future.ms */
    private static final long GRACE_MS = 10_000;
    private static final long MAX_FUTURE_MS = GRACE_MS;
    private static final Logger LOG = LoggerFactory.getLogger(MultiInstanceIT.class);

    private TestPlatform platform;
    private Path workDir;
    private LakeReader lake;
    private TopicReader reader;
    private ExtraConnectWorker extraWorker;
    private SinkConnector sink;
    private DashboardClient survivor;
    private DashboardInstance victim;

    @BeforeAll
    void startTwoOfEach() throws IOException {
        Artifacts artifacts = Artifacts.locate();
        workDir = Files.createTempDirectory("ticklake-multi-");
        lake = new LakeReader(Files.createDirectories(workDir.resolve("lake")));

        // two Connect workers before any connector exists, so that each connector's tasks are spread over both
        // (Connect balances the count of all tasks per worker, not each connector's); the platform's worker
        // first: it joins the group first and leads it
        platform = TestPlatform.isolated();
        platform.connectUrl();
        extraWorker = ExtraConnectWorker.start(workDir.resolve("connect-2"), platform::kafkaBootstrapServers);

        // then the rest of the platform, the sink connectors and the first instance as ./ticklake run starts
        // them (see EndToEndIT), the sinks with one task per partition so that both workers get some
        RunSettings run = new RunSettings(artifacts.repo(), false, "", 1, Optional.empty(), 0,
                Optional.of(lake.uri()), false, Duration.ofDays(1), false, Ports.pickFree(PlatformConfig.HOST),
                Map.of("tasks.max", Integer.toString(Topics.PARTITIONS), "rotate.idle.ms", "5000"));
        Launcher launcher = platform.launcher(run, System.out);
        DashboardCredentials.writeLauncherFile(launcher.credentialsFile());
        launcher.start(PlatformListener.SILENT);
        survivor = new DashboardClient(launcher.dashboardUrl());
        String bootstrap = platform.kafkaBootstrapServers();
        String registry = platform.schemaRegistryUrl();
        reader = new TopicReader(bootstrap, registry);
        // managed through the worker that stays up; any worker of the cluster serves the REST API
        sink = SinkConnector.existing(extraWorker.url(), Launcher.CONNECTOR);

        // a second instance of the same application; a dead member is noticed after its session timeout:
        // 10 s instead of the consumer's 45 s
        victim = DashboardInstance.start("instance-b", artifacts, new DashboardInstance.Settings(bootstrap, registry,
                APPLICATION_ID, TOPICS, null, Map.of("consumer.session.timeout.ms", "10000")), workDir);
        survivor.awaitReady(WAIT, () -> true, () -> "see " + platform.workDir().resolve("logs/dashboard.log"));
        victim.awaitReady(WAIT);
        sink.awaitRunning(Topics.PARTITIONS, WAIT);
    }

    @AfterAll
    void stopEverything() throws IOException {
        if (victim != null) {
            victim.close();
        }
        if (extraWorker != null) {
            extraWorker.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (lake != null) {
            lake.close();
        }
        WorkDirs.deleteUnlessKept(workDir);
    }

    @Test
    void killingOneInstanceOfEachLosesNothingAndQueriesKeepAnsweringCorrectly() {
        String platformWorker = platform.connectUrl().substring("http://".length());

        // both instances and both workers hold part of the work
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(survivor.isReady() && victim.isReady()).isTrue();
            List<List<Integer>> partitions = GroupAssignment.partitionsPerMember(platform.kafkaBootstrapServers(),
                    APPLICATION_ID, TOPICS.ticks());
            assertThat(partitions).hasSize(2).allSatisfy(p -> assertThat(p).isNotEmpty());
            assertThat(partitions.stream().mapToInt(List::size).sum()).isEqualTo(Topics.PARTITIONS);
            assertThat(sink.taskWorkers()).containsExactlyInAnyOrder(platformWorker, extraWorker.workerId());
        });

        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(40, ChronoUnit.MINUTES);
        SimulationSettings market = new SimulationSettings(DefaultSymbols.profilesFor(SYMBOLS),
                2 * TICKS_PER_PHASE / (double) Duration.ofMinutes(30).toSeconds(), SEED, start, 1);
        // duplicates: identical records at new offsets, which must count once per trade and land once per offset
        InjectionSettings duplicates = new InjectionSettings(0, Duration.ZERO, 0, 0.02, 0, SEED);
        try (TickFeed feed = new TickFeed(ProducerSettings.of(platform.kafkaBootstrapServers(),
                platform.schemaRegistryUrl(), TOPICS.ticks()), market, duplicates)) {
            feed.send(TICKS_PER_PHASE);
            List<TickRecord> firstPhase = reader.ticks(TOPICS.ticks());
            // every symbol answers through either instance (forwarded to the owner when it is the other)
            for (DashboardClient instance : List.of(survivor, new DashboardClient(victim.url()))) {
                awaitKpisThrough(instance, firstPhase, new CopyOnWriteArrayList<>());
            }
            await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                    landedCoordinates()).containsAll(coordinates(firstPhase)));

            // more ticks, and while they are being processed and landed, one of each dies
            feed.send(TICKS_PER_PHASE);
            victim.kill();
            ServiceHandle platformConnect = platform.connect();
            platformConnect.kill();
            long killedAt = System.nanoTime();
            LOG.info("killed dashboard-api {} and the platform's Connect worker right after sending {} more ticks",
                    victim.name(), TICKS_PER_PHASE);

            List<TickRecord> all = reader.ticks(TOPICS.ticks());
            assertThat(TopicContents.differences(feed.sent(), all)).isEmpty();

            List<Integer> unexpectedStatuses = new CopyOnWriteArrayList<>();
            awaitKpisThrough(survivor, all, unexpectedStatuses);
            LOG.info("{} answers every query correctly {} s after the kill", survivor.baseUrl(),
                    (System.nanoTime() - killedAt) / 1_000_000_000);
            assertThat(unexpectedStatuses).as("answers other than 200 or 503 during the take-over").isEmpty();
            assertThat(GroupAssignment.partitionsPerMember(platform.kafkaBootstrapServers(), APPLICATION_ID,
                    TOPICS.ticks())).containsExactly(List.of(0, 1, 2, 3, 4, 5));

            // the lake: every tick exactly once, after the surviving worker replayed the dead one's partitions
            Set<Coordinates> expected = coordinates(all);
            await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                    landedCoordinates()).containsAll(expected));
            List<LakeRow> rows = lake.raw();
            Map<Coordinates, Long> counts = rows.stream()
                    .collect(Collectors.groupingBy(LakeRow::coordinates, TreeMap::new, Collectors.counting()));
            assertThat(counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                    .as("ticks landed more than once").isEmpty();
            assertThat(counts.keySet()).isEqualTo(expected);
            LOG.info("the lake holds every tick once {} s after the kill",
                    (System.nanoTime() - killedAt) / 1_000_000_000);
            assertThat(sink.taskWorkers()).containsExactly(extraWorker.workerId());
            assertThat(reader.deadLetters(TOPICS.dlq())).as("nothing was dead-lettered by the take-over").isEmpty();
        }
    }

    /**
     * Polls the instance until its KPIs of every symbol (1m with moving averages, and 1h) equal the ones
     * computed from {@code ticks}, and its symbol list is complete. Answers other than 503 are recorded.
     */
    private void awaitKpisThrough(DashboardClient api, List<TickRecord> ticks, List<Integer> unexpectedStatuses) {
        List<TickRecord> counted = StreamsVerdicts.counted(ticks, GRACE_MS, MAX_FUTURE_MS);
        assertThat(counted).as("the duplicates are dropped").hasSizeLessThan(ticks.size());
        Map<WindowKey, Kpi> minutes = ReferenceKpis.compute(counted, Duration.ofMinutes(1));
        Map<WindowKey, Kpi> hours = ReferenceKpis.compute(counted, Duration.ofHours(1));
        Instant from = ticks.stream().map(t -> t.tick().getEventTime()).min(Comparator.naturalOrder()).orElseThrow()
                .truncatedTo(ChronoUnit.HOURS);
        Instant to = ticks.stream().map(t -> t.tick().getEventTime()).max(Comparator.naturalOrder()).orElseThrow()
                .truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            try {
                Map<WindowKey, Kpi> actualMinutes = new TreeMap<>();
                Map<WindowKey, Kpi> actualHours = new TreeMap<>();
                for (String symbol : SYMBOLS) {
                    actualMinutes.putAll(api.kpis(symbol, "1m", from, to));
                    actualHours.putAll(api.kpis(symbol, "1h", from, to));
                }
                List<String> differences = KpiComparison.differences(minutes, actualMinutes, true);
                differences.addAll(KpiComparison.differences(hours, actualHours, false));
                assertThat(differences).as(KpiComparison.describe("KPIs through " + api.baseUrl(), differences))
                        .isEmpty();
                assertThat(api.symbols()).containsExactlyElementsOf(SYMBOLS);
            } catch (DashboardClient.UnansweredException e) {
                if (e.status() != 503) {
                    unexpectedStatuses.add(e.status());
                }
                throw new AssertionError(e.getMessage(), e);
            }
        });
    }

    private Set<Coordinates> landedCoordinates() {
        return lake.raw().stream().map(LakeRow::coordinates).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<Coordinates> coordinates(List<TickRecord> ticks) {
        return ticks.stream().map(TickRecord::coordinates).collect(Collectors.toCollection(TreeSet::new));
    }
}
