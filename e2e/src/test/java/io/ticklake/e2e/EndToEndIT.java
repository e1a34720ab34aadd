package io.ticklake.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticklake.e2e.process.WorkDirs;
import io.ticklake.e2e.kafka.Coordinates;
import io.ticklake.e2e.kafka.DlqRecord;
import io.ticklake.e2e.kafka.TickFeed;
import io.ticklake.e2e.kafka.TickRecord;
import io.ticklake.e2e.kafka.TopicContents;
import io.ticklake.e2e.kafka.TopicReader;
import io.ticklake.e2e.kafka.Topics;
import io.ticklake.e2e.lake.CompactedHour;
import io.ticklake.e2e.lake.DailySummaryRow;
import io.ticklake.e2e.lake.LakeReader;
import io.ticklake.e2e.lake.LakeRow;
import io.ticklake.e2e.process.Artifacts;
import io.ticklake.e2e.process.LakeJobs;
import io.ticklake.e2e.reference.Classified;
import io.ticklake.e2e.reference.CompactedTicks;
import io.ticklake.e2e.reference.Kpi;
import io.ticklake.e2e.reference.KpiComparison;
import io.ticklake.e2e.reference.ReferenceKpis;
import io.ticklake.e2e.reference.StreamsVerdicts;
import io.ticklake.e2e.reference.Verdict;
import io.ticklake.e2e.reference.WindowKey;
import io.ticklake.e2e.web.DashboardClient;
import io.ticklake.e2e.web.DashboardCredentials;
import io.ticklake.infra.PlatformConfig;
import io.ticklake.infra.PlatformListener;
import io.ticklake.infra.launch.Launcher;
import io.ticklake.infra.launch.RunSettings;
import io.ticklake.infra.process.Ports;
import io.ticklake.infra.testing.HeadlessChromium;
import io.ticklake.infra.testing.TestPlatform;
import io.ticklake.schemas.StockTick;
import io.ticklake.simulator.inject.InjectionKind;
import io.ticklake.simulator.inject.InjectionSettings;
import io.ticklake.simulator.market.DefaultSymbols;
import io.ticklake.simulator.market.SimulationSettings;
import io.ticklake.simulator.produce.ProducerSettings;
import io.ticklake.simulator.run.RunSummary;
import io.ticklake.spark.lake.HourPartition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform, end to end, on real services: the simulator sends a few thousand ticks of five
 * symbols (with late, out-of-order, duplicate and invalid ones mixed in) whose event times lie in
 * whole hours that are already closed; the streams app in a dashboard-api process computes KPIs; the
 * Connect sink lands the raw lake on the local filesystem; Spark compacts it; the analytics models are
 * built; and the dashboard is opened in headless Chromium. Every claim is checked against what the
 * test computes itself from the ticks it sent.
 *
 * <p>What each component must do with a late tick (beyond the 10 s grace), from the READMEs: the
 * streams app turns it away into the DLQ (stage {@code late}) and no KPI counts it; the sink lands it
 * like any valid tick (the lake is the complete record); compaction keeps it; the analytics models,
 * built from the lake, count it. A duplicate (a trade's (symbol, sequence) again) counts once: the
 * streams app drops the copy without dead-lettering it, the sink lands every record, and compaction
 * keeps one copy per hour. So the models equal the streams KPIs on every window where the compacted
 * table holds no tick that the streams app did not count, and differ by exactly those ticks elsewhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndIT {

    private static final Topics TOPICS = Topics.shipped();
    private static final List<String> SYMBOLS = List.of("AAPL", "BRK.B", "JPM", "MSFT", "NVDA");
    private static final int SOURCE_TICKS = 3_000;
    /** Event time covered by the ticks: more than an hour of 1-minute windows. */
    private static final Duration EVENT_SPAN = Duration.ofMinutes(70);
    private static final Duration LATE_BY = Duration.ofMinutes(10);
    private static final long SEED = 20_261_120L;
    /** streams-app defaults the dashboard runs with: ticklake.grace.ms, ticklake.validation.max.future.ms */
    private static final long GRACE_MS = 10_000;
    private static final long MAX_FUTURE_MS = GRACE_MS;
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final Logger LOG = LoggerFactory.getLogger(EndToEndIT.class);

    private Path workDir;
    private LakeReader lake;
    private LakeJobs jobs;
    private TestPlatform platform;
    private DashboardClient api;
    private TopicReader reader;

    private RunSummary summary;
    private List<StockTick> sent;
    private List<TickRecord> input;
    private List<Classified> verdicts;

    private JsonNode compaction;
    private String analytics;

    @BeforeAll
    void startThePlatformAsTheRunCommandDoesAndSendTicks() throws IOException {
        Artifacts artifacts = Artifacts.locate();
        workDir = Files.createTempDirectory("ticklake-e2e-");
        Path lakeDir = Files.createDirectories(workDir.resolve("lake"));
        lake = new LakeReader(lakeDir);
        jobs = new LakeJobs(artifacts, workDir);

        // ./ticklake run's own orchestration on a platform of the test's: the contracts, the three sink
        // connectors from their shipped configs, dashboard-api with the streams topology. What the test
        // sets differently, each as a user can: its own producer instead of the simulator, the lake
        // directory, a dashboard port, the test's credentials in the launcher's credentials file, and
        // the sink closing a partition's files 5 s after its last tick (the test sends one burst). The
        // schedule's first round would come after a day: the test runs compaction and models itself,
        // to check each; RunCommandIT checks the schedule.
        platform = TestPlatform.isolated();
        RunSettings run = new RunSettings(artifacts.repo(), false, "", 1, Optional.empty(), 0,
                Optional.of(lake.uri()), false, Duration.ofDays(1), false, Ports.pickFree(PlatformConfig.HOST),
                Map.of("rotate.idle.ms", "5000"));
        Launcher launcher = platform.launcher(run, System.out);
        DashboardCredentials.writeLauncherFile(launcher.credentialsFile());
        launcher.start(PlatformListener.SILENT);
        api = new DashboardClient(launcher.dashboardUrl());
        api.awaitReady(WAIT, () -> true, () -> "see " + platform.workDir().resolve("logs/dashboard.log"));

        String bootstrap = platform.kafkaBootstrapServers();
        String registry = platform.schemaRegistryUrl();
        reader = new TopicReader(bootstrap, registry);

        // Event times in the past, in hours that are closed for compaction (end + 15 min grace) by now:
        // from three hours before the current hour, for about 70 minutes; late ticks 10 minutes earlier.
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS);
        SimulationSettings market = new SimulationSettings(DefaultSymbols.profilesFor(SYMBOLS),
                SOURCE_TICKS / (double) EVENT_SPAN.toSeconds(), SEED, start, 1);
        InjectionSettings injection = new InjectionSettings(0.02, LATE_BY, 0.01, 0.02, 0.01, SEED);
        ProducerSettings kafka = ProducerSettings.of(bootstrap, registry, TOPICS.ticks());
        try (TickFeed feed = new TickFeed(kafka, market, injection)) {
            summary = feed.send(SOURCE_TICKS);
            sent = feed.sent();
        }
        input = reader.ticks(TOPICS.ticks());
        verdicts = StreamsVerdicts.classify(input, GRACE_MS, MAX_FUTURE_MS);
        LOG.info("sent {} ticks with event times from {}: {} on time, {} late, {} duplicate, {} invalid; injected {}",
                input.size(), start, records(Verdict.ACCEPTED).size(), records(Verdict.LATE).size(),
                records(Verdict.DUPLICATE).size(), records(Verdict.INVALID).size(), summary.injection().counts());
    }

    @AfterAll
    void stopEverything() throws IOException {
        if (platform != null) {
            platform.close(); // the launcher's dashboard first, then the services
        }
        if (lake != null) {
            lake.close();
        }
        WorkDirs.deleteUnlessKept(workDir);
    }

    @Test
    void theTopicHoldsExactlyTheTicksSentWithEveryKindOfIrregularity() {
        assertThat(TopicContents.differences(sent, input)).isEmpty();
        assertThat(summary.injection().count(InjectionKind.LATE)).isPositive();
        assertThat(summary.injection().count(InjectionKind.OUT_OF_ORDER)).isPositive();
        assertThat(summary.injection().count(InjectionKind.DUPLICATE)).isPositive();
        assertThat(summary.injection().count(InjectionKind.INVALID)).isPositive();
        // each injected invalid copy breaks the contract; no source tick does
        assertThat(records(Verdict.INVALID)).hasSize((int) summary.injection().count(InjectionKind.INVALID));
        assertThat(records(Verdict.LATE)).isNotEmpty();
        assertThat(records(Verdict.DUPLICATE)).isNotEmpty();
        assertThat(records(Verdict.ACCEPTED).size()).isGreaterThan(SOURCE_TICKS * 9 / 10);
    }

    @Test
    void apiKpisOfEveryWindowEqualTheKpisComputedFromTheTicksSent() {
        Map<WindowKey, Kpi> expected = ReferenceKpis.compute(records(Verdict.ACCEPTED), Duration.ofMinutes(1));
        assertThat(expected.size()).as("1-minute windows with ticks").isGreaterThan(120);
        assertThat(apiKpisOneMinute()).hasSameSizeAs(expected); // waits until the API answers them all

        Map<WindowKey, Kpi> expectedHours = ReferenceKpis.compute(records(Verdict.ACCEPTED), Duration.ofHours(1));
        List<String> hourDifferences = KpiComparison.differences(expectedHours, fetchKpis("1h"), false);
        assertThat(hourDifferences).as(KpiComparison.describe("1h KPIs from the API", hourDifferences)).isEmpty();
        assertThat(api.symbols()).as("symbols with KPIs: no invalid tick made one").containsExactlyElementsOf(SYMBOLS);
    }

    @Test
    void invalidAndLateTicksAreDeadLetteredWithTheirReasons() {
        Map<Coordinates, Classified> rejected = new HashMap<>();
        verdicts.stream().filter(c -> c.verdict() == Verdict.INVALID || c.verdict() == Verdict.LATE)
                .forEach(c -> rejected.put(c.record().coordinates(), c));
        Map<Coordinates, byte[]> originalValues = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : reader.raw(TOPICS.ticks())) {
            originalValues.put(new Coordinates(record.topic(), record.partition(), record.offset()), record.value());
        }

        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                reader.deadLetters(TOPICS.dlq()).stream().filter(DlqRecord::fromStreams).count())
                .isGreaterThanOrEqualTo(rejected.size()));
        List<DlqRecord> deadLetters = reader.deadLetters(TOPICS.dlq());

        List<DlqRecord> fromStreams = deadLetters.stream().filter(DlqRecord::fromStreams).toList();
        Map<Coordinates, Long> streamsCounts = fromStreams.stream()
                .collect(Collectors.groupingBy(DlqRecord::source, Collectors.counting()));
        assertThat(streamsCounts.keySet()).as("what the streams app dead-lettered")
                .containsExactlyInAnyOrderElementsOf(rejected.keySet());
        assertThat(streamsCounts.values()).as("each rejected tick once (exactly-once)").containsOnly(1L);
        for (DlqRecord record : fromStreams) {
            Classified original = rejected.get(record.source());
            assertThat(record.value()).as("original bytes of %s", record.source())
                    .isEqualTo(originalValues.get(record.source()));
            if (original.verdict() == Verdict.INVALID) {
                assertThat(record.stage()).isEqualTo("validate");
                assertThat(record.errorClass()).endsWith("InvalidTickException");
                assertThat(record.errorMessage()).as("reason of %s", record.source()).contains(original.reason());
            } else {
                assertThat(record.stage()).isEqualTo("late");
                assertThat(record.errorClass()).endsWith("LateTickException");
                assertThat(record.errorMessage()).contains("grace");
            }
        }

        // the sink may dead-letter too (Connect's headers), but only ticks that break the contract
        Set<Coordinates> invalid = coordinates(Verdict.INVALID);
        for (DlqRecord record : deadLetters.stream().filter(DlqRecord::fromConnect).toList()) {
            assertThat(invalid).as("the sink dead-lettered a valid tick").contains(record.source());
            assertThat(record.errorMessage()).isNotBlank();
        }
        assertThat(deadLetters).as("every DLQ record comes from the streams app or the sink")
                .allMatch(r -> r.fromStreams() || r.fromConnect());
    }

    @Test
    void theRawLakeHoldsEveryValidTickExactlyOnceAndNoInvalidOne() {
        List<LakeRow> rows = rawLake();
        Map<Coordinates, TickRecord> valid = byCoordinates(lakeTicks());

        Map<Coordinates, Long> counts = rows.stream()
                .collect(Collectors.groupingBy(LakeRow::coordinates, TreeMap::new, Collectors.counting()));
        assertThat(counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("ticks landed more than once").isEmpty();
        assertThat(new TreeSet<>(counts.keySet()).stream().filter(coordinates(Verdict.INVALID)::contains).toList())
                .as("invalid ticks in the raw lake (they must be in the DLQ only)").isEmpty();
        assertThat(counts.keySet()).as("the raw lake's ticks").containsExactlyInAnyOrderElementsOf(valid.keySet());
        assertThat(coordinates(Verdict.LATE)).as("late ticks are valid ticks: the lake keeps them")
                .isSubsetOf(counts.keySet());
        for (LakeRow row : rows) {
            assertRowIsTick(row, valid.get(row.coordinates()));
        }
        assertThat(lake.rawColumns()).containsExactlyElementsOf(LakeReader.CONTRACT_COLUMNS);
    }

    @Test
    void theCompactedTableHoldsTheSameTicks() {
        List<LakeRow> raw = rawLake();
        JsonNode result = compaction();
        List<HourPartition> hours = lake.rawHours();
        assertThat(result.path("hours_published").asInt()).as(result.toString()).isEqualTo(hours.size());
        List<TickRecord> kept = CompactedTicks.kept(lakeTicks());
        assertThat(result.path("rows_out").asLong()).isEqualTo(kept.size());
        assertThat(result.path("duplicates_dropped").asLong()).isEqualTo(raw.size() - kept.size()).isPositive();

        List<LakeRow> compacted = new ArrayList<>();
        for (HourPartition hour : hours) {
            CompactedHour published = lake.compacted(hour).orElseThrow(() -> new AssertionError(
                    "hour " + hour + " has raw files but no data files in ticklake.ticks: " + result));
            assertThat(published.rowCount()).as("Iceberg's row count of %s", hour).isEqualTo(published.rows().size());
            assertThat(published.rows()).as("rows of %s", hour)
                    .allMatch(row -> row.hourDirectory().equals(hour.relativePath()));
            compacted.addAll(published.rows());
        }
        assertThat(compacted.stream().map(LakeRow::coordinates).filter(coordinates(Verdict.INVALID)::contains).toList())
                .as("invalid ticks in the compacted lake").isEmpty();
        assertThat(compacted).hasSameSizeAs(kept);
        Map<Coordinates, LakeRow> rawByCoordinates = raw.stream()
                .collect(Collectors.toMap(LakeRow::coordinates, Function.identity()));
        assertThat(compacted.stream().map(LakeRow::coordinates).collect(Collectors.toSet()))
                .as("each trade once per hour").hasSize(compacted.size())
                .isEqualTo(kept.stream().map(TickRecord::coordinates).collect(Collectors.toSet()));
        for (LakeRow row : compacted) {
            LakeRow original = rawByCoordinates.get(row.coordinates());
            assertThat(row).as("compacted %s", row.coordinates())
                    .usingRecursiveComparison().withComparatorForType(Double::compare, Double.class)
                    .ignoringFields("hourDirectory").isEqualTo(original);
        }
    }

    @Test
    void ohlcv1mAgreesWithTheStreamsKpisExceptByExactlyTheLateTicks() {
        buildModels();
        Map<WindowKey, Kpi> ohlcv = lake.ohlcv1m();

        // the model is the compacted table's truth: every valid trade once, late ones included
        List<String> fromLake = KpiComparison.differences(
                ReferenceKpis.compute(CompactedTicks.kept(lakeTicks()), Duration.ofMinutes(1)), ohlcv, false);
        assertThat(fromLake).as(KpiComparison.describe("ohlcv_1m against the lake's ticks", fromLake)).isEmpty();

        // the streams KPIs where the table holds no tick that the streams app did not count
        Map<WindowKey, Kpi> streams = apiKpisOneMinute();
        Map<WindowKey, List<TickRecord>> lateByMinute = uncountedButKept().stream()
                .collect(Collectors.groupingBy(t -> new WindowKey(t.symbol(), minuteOf(t))));
        assertThat(lateByMinute).isNotEmpty();
        Map<WindowKey, Kpi> onTimeModel = new TreeMap<>(ohlcv);
        Map<WindowKey, Kpi> onTimeStreams = new TreeMap<>(streams);
        onTimeModel.keySet().removeAll(lateByMinute.keySet());
        onTimeStreams.keySet().removeAll(lateByMinute.keySet());
        List<String> agreement = KpiComparison.differences(onTimeStreams, onTimeModel, false);
        assertThat(agreement).as(KpiComparison.describe("ohlcv_1m against the streams KPIs", agreement)).isEmpty();

        // elsewhere the model counts exactly the late ticks more
        lateByMinute.forEach((minute, late) -> {
            Kpi model = ohlcv.get(minute);
            Kpi live = streams.get(minute);
            assertThat(model.tradeCount()).as("trades of %s", minute)
                    .isEqualTo((live == null ? 0 : live.tradeCount()) + late.size());
            assertThat(model.volume()).as("volume of %s", minute)
                    .isEqualTo((live == null ? 0 : live.volume()) + volume(late));
        });
    }

    @Test
    void dailySummaryAgreesWithTheStreamsKpisPlusTheLateTicks() {
        buildModels();
        Map<WindowKey, Kpi> expected = ReferenceKpis.compute(CompactedTicks.kept(lakeTicks()), Duration.ofDays(1));
        List<DailySummaryRow> days = lake.dailySummary();
        assertThat(days.stream().map(d -> new WindowKey(d.symbol(), startOf(d.day()))))
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        Map<WindowKey, Kpi> streams = apiKpisOneMinute();
        List<TickRecord> uncounted = uncountedButKept();
        for (DailySummaryRow day : days) {
            Kpi want = expected.get(new WindowKey(day.symbol(), startOf(day.day())));
            assertThat(day).as("daily_summary %s %s", day.symbol(), day.day()).usingRecursiveComparison()
                    .comparingOnlyFields("open", "high", "low", "close", "volume", "tradeCount")
                    .isEqualTo(new DailySummaryRow(day.symbol(), day.day(), want.open(), want.high(), want.low(),
                            want.close(), want.volume(), want.vwap(), want.tradeCount()));
            assertThat(day.vwap()).isCloseTo(want.vwap(), Offset.offset(1e-9 * want.vwap()));

            List<Kpi> liveMinutes = streams.values().stream().filter(k -> k.symbol().equals(day.symbol())
                    && LocalDate.ofInstant(k.windowStart(), ZoneOffset.UTC).equals(day.day())).toList();
            List<TickRecord> late = uncounted.stream().filter(t -> t.symbol().equals(day.symbol())
                    && LocalDate.ofInstant(t.tick().getEventTime(), ZoneOffset.UTC).equals(day.day())).toList();
            assertThat(day.tradeCount()).as("trades of %s %s: streams + late", day.symbol(), day.day())
                    .isEqualTo(liveMinutes.stream().mapToLong(Kpi::tradeCount).sum() + late.size());
            assertThat(day.volume()).as("volume of %s %s: streams + late", day.symbol(), day.day())
                    .isEqualTo(liveMinutes.stream().mapToLong(Kpi::volume).sum() + volume(late));
        }
    }

    @Test
    void theDashboardPageShowsTheSymbolsTheirKpisAndTheirHistory() throws IOException {
        buildModels();
        assertThat(apiKpisOneMinute()).isNotEmpty();
        String selected = SYMBOLS.get(0);
        List<String> history = lake.dailySummary().stream().filter(d -> d.symbol().equals(selected))
                .sorted(Comparator.comparing(DailySummaryRow::day).reversed())
                .map(d -> d.day() + " " + String.format(Locale.US, "%,d", d.volume())).toList();

        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            WebDriver browser = chromium.driver();
            DashboardCredentials.logIn(browser, api.baseUrl());
            browser.get(api.baseUrl() + "/?symbol=" + selected);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                assertThat(browser.findElement(By.id("status")).getDomAttribute("data-state")).isEqualTo("live");
                assertThat(browser.findElements(By.cssSelector("#symbols tbody tr")).stream()
                        .map(r -> r.getDomAttribute("data-symbol")).toList()).containsExactlyElementsOf(SYMBOLS);
                assertThat(browser.findElements(By.cssSelector("#symbol option")).stream()
                        .map(o -> o.getDomAttribute("value")).toList()).containsExactlyElementsOf(SYMBOLS);
            });
            // the table shows each symbol's latest hour window
            for (Kpi hour : latestWindowPerSymbol(Duration.ofHours(1))) {
                WebElement row = browser.findElement(
                        By.cssSelector("#symbols tr[data-symbol='" + hour.symbol() + "']"));
                assertThat(row.findElement(By.className("last")).getText()).as("last price of %s", hour.symbol())
                        .isEqualTo(price(hour.close()));
                assertThat(row.findElement(By.className("volume")).getText()).as("volume of %s", hour.symbol())
                        .isEqualTo(String.format(Locale.US, "%,d", hour.volume()));
            }
            // the history table is daily_summary of the selected symbol, newest day first: day ... volume
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertThat(
                    browser.findElements(By.cssSelector("#history tbody tr")).stream()
                            .map(row -> row.findElements(By.tagName("td")))
                            .map(cells -> cells.get(0).getText() + " " + cells.get(cells.size() - 1).getText())
                            .toList()).containsExactlyElementsOf(history));
            Path screenshot = Path.of("target", "e2e-dashboard.png");
            Files.createDirectories(screenshot.getParent());
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    // ---- shared steps, each done once and only when a test needs it --------------------------------

    private Map<WindowKey, Kpi> apiKpisOneMinute;

    /** The API's 1-minute KPIs of every symbol, once they equal the independent computation (waits for that). */
    private synchronized Map<WindowKey, Kpi> apiKpisOneMinute() {
        if (apiKpisOneMinute == null) {
            Map<WindowKey, Kpi> expected = ReferenceKpis.compute(records(Verdict.ACCEPTED), Duration.ofMinutes(1));
            await().atMost(WAIT).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptionsInstanceOf(DashboardClient.UnansweredException.class).untilAsserted(() -> {
                        List<String> differences = KpiComparison.differences(expected, fetchKpis("1m"), true);
                        assertThat(differences).as(KpiComparison.describe("1m KPIs from the API", differences))
                                .isEmpty();
                    });
            apiKpisOneMinute = fetchKpis("1m");
        }
        return apiKpisOneMinute;
    }

    private Map<WindowKey, Kpi> fetchKpis(String window) {
        Instant from = input.stream().map(t -> t.tick().getEventTime()).min(Comparator.naturalOrder()).orElseThrow()
                .truncatedTo(ChronoUnit.HOURS);
        Instant to = input.stream().map(t -> t.tick().getEventTime()).max(Comparator.naturalOrder()).orElseThrow()
                .truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        Map<WindowKey, Kpi> kpis = new TreeMap<>();
        for (String symbol : SYMBOLS) {
            kpis.putAll(api.kpis(symbol, window, from, to));
        }
        return kpis;
    }

    private List<LakeRow> rawLakeRows;

    /** The raw lake once every valid tick has landed (waits for that). */
    private synchronized List<LakeRow> rawLake() {
        if (rawLakeRows == null) {
            Set<Coordinates> valid = lakeTicks().stream().map(TickRecord::coordinates)
                    .collect(Collectors.toCollection(TreeSet::new));
            await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                    lake.raw().stream().map(LakeRow::coordinates).collect(Collectors.toSet())).containsAll(valid));
            rawLakeRows = lake.raw();
        }
        return rawLakeRows;
    }

    private synchronized JsonNode compaction() {
        if (compaction == null) {
            rawLake();
            compaction = jobs.compact(lake.uri());
            LOG.info("compaction: {}", compaction);
        }
        return compaction;
    }

    private synchronized void buildModels() {
        if (analytics == null) {
            compaction();
            analytics = jobs.buildModels(lake.uri());
            LOG.info("analytics:\n{}", analytics);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private List<TickRecord> records(Verdict verdict) {
        return verdicts.stream().filter(c -> c.verdict() == verdict).map(Classified::record).toList();
    }

    private Set<Coordinates> coordinates(Verdict verdict) {
        return records(verdict).stream().map(TickRecord::coordinates).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<Coordinates, TickRecord> byCoordinates(List<TickRecord> records) {
        Map<Coordinates, TickRecord> map = new LinkedHashMap<>();
        records.forEach(r -> map.put(r.coordinates(), r));
        return map;
    }

    private static void assertRowIsTick(LakeRow row, TickRecord record) {
        StockTick tick = record.tick();
        assertThat(row).as("lake row %s", row.coordinates()).usingRecursiveComparison()
                .withComparatorForType(Double::compare, Double.class)
                .comparingOnlyFields("symbol", "price", "volume", "bid", "ask", "eventTimeMs", "sequence", "source")
                .isEqualTo(new LakeRow(row.coordinates(), tick.getSymbol(), tick.getPrice(), tick.getVolume(),
                        tick.getBid(), tick.getAsk(), record.eventTimeMs(), tick.getSequence(), tick.getSource(), 0,
                        ""));
        assertThat(row.hourDirectory()).as("hour directory of %s", row.coordinates())
                .isEqualTo(HourPartition.containing(tick.getEventTime()).relativePath());
    }

    /** Valid records, on time, late or repeating a trade: what the raw lake must hold. */
    private List<TickRecord> lakeTicks() {
        return verdicts.stream().filter(c -> c.verdict() != Verdict.INVALID).map(Classified::record).toList();
    }

    /**
     * The ticks the compacted table keeps that no streams KPI counts: the late ones (the injected
     * duplicates repeat their original, so compaction keeps the original, which the streams app counted).
     */
    private List<TickRecord> uncountedButKept() {
        Set<Coordinates> counted = coordinates(Verdict.ACCEPTED);
        List<TickRecord> kept = CompactedTicks.kept(lakeTicks());
        Set<Coordinates> keptCoordinates = kept.stream().map(TickRecord::coordinates).collect(Collectors.toSet());
        assertThat(counted).as("every tick the streams app counted is in the compacted table")
                .allMatch(keptCoordinates::contains);
        return kept.stream().filter(t -> !counted.contains(t.coordinates())).toList();
    }

    /** Each symbol's latest window of {@code size} by the independent computation. */
    private List<Kpi> latestWindowPerSymbol(Duration size) {
        Map<String, Kpi> latest = new TreeMap<>();
        ReferenceKpis.compute(records(Verdict.ACCEPTED), size).values().forEach(kpi -> latest.merge(kpi.symbol(), kpi,
                (a, b) -> a.windowStart().isAfter(b.windowStart()) ? a : b));
        return List.copyOf(latest.values());
    }

    private static Instant minuteOf(TickRecord tick) {
        return tick.tick().getEventTime().truncatedTo(ChronoUnit.MINUTES);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static long volume(List<TickRecord> ticks) {
        return ticks.stream().mapToLong(t -> t.tick().getVolume()).sum();
    }

    /** The dashboard's price format: 2 decimals from 100 up, else 4 (JavaScript toFixed). */
    private static String price(double value) {
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.2f" : "%.4f", value);
    }
}
