package io.ticklake.analytics.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ticklake.analytics.AnalyticsConfig;
import io.ticklake.analytics.cli.AnalyticsCli;
import io.ticklake.analytics.testing.FixtureLake;
import io.ticklake.analytics.testing.ModelOutput;
import io.ticklake.analytics.testing.RawFiles;
import io.ticklake.analytics.testing.RawFiles.Landed;
import io.ticklake.analytics.testing.RawFiles.LandedDeadLetter;
import io.ticklake.analytics.testing.Tick;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code data_quality_hourly} over a fixture lake whose raw layer holds hand-counted duplicates, a
 * re-landed file, sequence gaps (one across an hour boundary), an out-of-order tick and late ticks (one
 * judged late only by a tick of the next hour), and the {@code quality} command's thresholds over it.
 */
class DataQualityHourlyTest {

    private static final Instant HOUR_15 = Instant.parse("2026-11-20T15:00:00Z");

    @TempDir
    static Path lakeDir;

    static Map<String, Map<String, Object>> beforeHour15;
    static Map<String, Map<String, Object>> incremental;
    static Map<String, Map<String, Object>> full;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static Tick aaa(long offset, long sequence, String time) {
        return new Tick("AAA", 100.0, 1, Instant.parse("2026-11-20T" + time + "Z"), 0, offset, sequence);
    }

    private static Tick bbb(long offset, long sequence, String time) {
        return new Tick("BBB", 50.0, 1, Instant.parse("2026-11-20T" + time + "Z"), 1, offset, sequence);
    }

    @BeforeAll
    static void landCompactAndBuild() throws Exception {
        Tick a0 = aaa(0, 1, "14:00:00");
        Tick a1 = aaa(1, 2, "14:00:10");
        Tick a2 = aaa(2, 3, "14:00:20");
        Tick a3 = aaa(3, 3, "14:00:20");      // a producer retry of sequence 3: a duplicate
        Tick a4 = aaa(4, 6, "14:01:30");      // sequence 4 never comes: a gap
        Tick a5 = aaa(5, 5, "14:00:40");      // lower than 6 before it: out of order; its window ended
                                              // 14:01:00 <= stream time 14:01:30 - 10 s: late
        Tick a6 = aaa(6, 7, "14:01:40");
        Tick a7 = aaa(7, 8, "14:59:55");
        Tick a8 = aaa(8, 9, "15:00:30");
        Tick a9 = aaa(9, 10, "14:59:58");     // late only after a8: window end 15:00:00 <= 15:00:30 - 10 s
        Tick a10 = aaa(10, 12, "15:01:00");   // sequence 11 never comes: a gap of hour 15
        Tick b0 = bbb(0, 100, "14:10:00");
        Tick b1 = bbb(1, 101, "14:20:00");
        Tick b2 = bbb(2, 104, "15:05:00");    // 102 and 103 never come: a gap across the hour, in hour 15

        Path lake = lakeDir;
        // sink files are per Kafka partition and hour; a8 and a10 (hour 15) land later, after a first build
        RawFiles.write(lake, "stock-ticks+0+00000000000000000000.parquet", List.of(new Landed(a0, 10),
                new Landed(a1, 20), new Landed(a2, 30), new Landed(a3, 40), new Landed(a4, 50), new Landed(a5, 60_000),
                new Landed(a6, 60), new Landed(a7, 70)));
        RawFiles.write(lake, "stock-ticks+0+00000000000000000009.parquet", List.of(new Landed(a9, 40_000)));
        // the backfill landed the first three records again: the same Kafka records, not duplicates
        RawFiles.write(lake, "backfill+0+00000000000000000000.parquet", List.of(new Landed(a0, 10),
                new Landed(a1, 20), new Landed(a2, 30)));
        RawFiles.write(lake, "stock-ticks+1+00000000000000000000.parquet", List.of(new Landed(b0, 100),
                new Landed(b1, 300)));
        // dead letters: a price violation reported by both the streams app and the sink (one record), an
        // undecodable record, a late tick (counted as late, not invalid), an alert the alerts sink refused, and
        // an invalid tick of a symbol that landed no valid one
        Instant t = Instant.parse("2026-11-20T14:30:00Z");
        RawFiles.writeDeadLetters(lake, "stock-ticks-dlq+0+00000000000000000000.parquet", List.of(
                new LandedDeadLetter("stock-ticks", 0, 100, "streams", "price", "AAA", 0, t),
                new LandedDeadLetter("stock-ticks", 0, 100, "connect", "price", "AAA", 1, t.plusMillis(3)),
                new LandedDeadLetter("stock-ticks", 0, 101, "streams", "undecodable", "AAA", 2, t.plusSeconds(1)),
                new LandedDeadLetter("stock-ticks", 0, 102, "streams", "late", "AAA", 3, t.plusSeconds(2)),
                new LandedDeadLetter("stock-alerts", 0, 7, "connect", "undecodable", "AAA", 4, t.plusSeconds(3)),
                new LandedDeadLetter("stock-ticks", 1, 200, "streams", "volume", "CCC", 5, t.plusSeconds(4))));
        try (FixtureLake fixture = new FixtureLake(lake.toString())) {
            // compaction keeps a trade once
            fixture.publish(List.of(a0, a1, a2, a4, a5, a6, a7, a9, b0, b1));
            beforeHour15 = build(BuildScope.changed());

            RawFiles.write(lake, "stock-ticks+0+00000000000000000008.parquet", List.of(new Landed(a8, 5),
                    new Landed(a10, 9)));
            RawFiles.write(lake, "stock-ticks+1+00000000000000000002.parquet", List.of(new Landed(b2, 7)));
            fixture.publishHour(HOUR_15, List.of(a8, a10, b2), 1);
            incremental = build(BuildScope.changed());
        }
        full = build(BuildScope.full());
    }

    private static Map<String, Map<String, Object>> build(BuildScope scope) {
        AnalyticsRunner.create(AnalyticsConfig.forLake(lakeDir.toUri().toString()), RunListener.NONE).run(scope);
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        for (Map<String, Object> row : ModelOutput.rows(lakeDir.toString(), "data_quality_hourly", "symbol, hour_start")) {
            rows.put(row.get("symbol") + " " + row.get("hour_start"), row);
        }
        return rows;
    }

    private static long l(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    private static double d(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }

    @Test
    void countsTheHourByHand() {
        Map<String, Object> aaa14 = incremental.get("AAA 2026-11-20T14:00:00Z");
        assertThat(aaa14.get("hour_end")).isEqualTo("2026-11-20T15:00:00Z");
        assertThat(l(aaa14, "raw_rows")).isEqualTo(12);          // 9 records, 3 of them landed twice
        assertThat(l(aaa14, "ticks_landed")).isEqualTo(9);
        assertThat(l(aaa14, "distinct_trades")).isEqualTo(8);
        assertThat(l(aaa14, "duplicates")).isEqualTo(1);
        assertThat(l(aaa14, "sequence_gaps")).isEqualTo(1);       // 4 (9 landed in hour 15)
        assertThat(l(aaa14, "out_of_order_ticks")).isEqualTo(1);  // 5 after 6
        assertThat(l(aaa14, "late_ticks")).isEqualTo(2);          // a5, a9
        assertThat(l(aaa14, "invalid_ticks")).isEqualTo(2);       // one price (reported twice), one undecodable
        assertThat(aaa14.get("invalid_reasons")).isEqualTo("price=1, undecodable=1");
        assertThat(d(aaa14, "invalid_ratio")).isCloseTo(2.0 / 11, within(1e-12));
        assertThat(l(aaa14, "min_sequence")).isEqualTo(1);
        assertThat(l(aaa14, "max_sequence")).isEqualTo(10);
        // latencies 10, 20, 30, 40, 50, 60, 70, 40000, 60000: median the 5th, p99 at 7.92 of 0..8
        assertThat(d(aaa14, "latency_p50_ms")).isEqualTo(50.0);
        assertThat(d(aaa14, "latency_p99_ms")).isCloseTo(40_000 + 0.92 * 20_000, within(1e-6));
        assertThat(d(aaa14, "duplicate_ratio")).isCloseTo(1.0 / 9, within(1e-12));
        assertThat(d(aaa14, "gap_ratio")).isCloseTo(1.0 / 9, within(1e-12));
        assertThat(d(aaa14, "out_of_order_ratio")).isCloseTo(1.0 / 8, within(1e-12));
        assertThat(d(aaa14, "late_ratio")).isCloseTo(2.0 / 9, within(1e-12));
    }

    @Test
    void countsGapsInTheHourOfTheTradeAfterThem() {
        Map<String, Object> aaa15 = incremental.get("AAA 2026-11-20T15:00:00Z");
        assertThat(List.of(l(aaa15, "ticks_landed"), l(aaa15, "distinct_trades"), l(aaa15, "duplicates"),
                l(aaa15, "sequence_gaps"), l(aaa15, "out_of_order_ticks"), l(aaa15, "late_ticks")))
                .containsExactly(2L, 2L, 0L, 1L, 0L, 0L);
        assertThat(d(aaa15, "latency_p50_ms")).isEqualTo(7.0);
        assertThat(d(aaa15, "latency_p99_ms")).isCloseTo(8.96, within(1e-9));
        Map<String, Object> bbb14 = incremental.get("BBB 2026-11-20T14:00:00Z");
        assertThat(List.of(l(bbb14, "ticks_landed"), l(bbb14, "sequence_gaps"), l(bbb14, "late_ticks")))
                .containsExactly(2L, 0L, 0L);
        assertThat(d(bbb14, "latency_p50_ms")).isEqualTo(200.0);
        assertThat(l(bbb14, "invalid_ticks")).isZero();
        assertThat(bbb14.get("invalid_reasons")).isNull();
        assertThat(d(bbb14, "latency_p99_ms")).isCloseTo(298.0, within(1e-9));
        Map<String, Object> bbb15 = incremental.get("BBB 2026-11-20T15:00:00Z");
        assertThat(l(bbb15, "sequence_gaps")).isEqualTo(2);
        assertThat(d(bbb15, "gap_ratio")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(incremental).hasSize(5);
    }

    @Test
    void aSymbolAndHourWithInvalidTicksOnlyHasARowWithoutLandedFigures() {
        Map<String, Object> ccc14 = incremental.get("CCC 2026-11-20T14:00:00Z");
        assertThat(List.of(l(ccc14, "raw_rows"), l(ccc14, "ticks_landed"), l(ccc14, "distinct_trades"),
                l(ccc14, "duplicates"), l(ccc14, "sequence_gaps"), l(ccc14, "late_ticks"), l(ccc14, "invalid_ticks")))
                .containsExactly(0L, 0L, 0L, 0L, 0L, 0L, 1L);
        assertThat(ccc14.get("invalid_reasons")).isEqualTo("volume=1");
        assertThat(d(ccc14, "invalid_ratio")).isEqualTo(1.0);
        assertThat(ccc14.get("latency_p50_ms")).isNull();
        assertThat(ccc14.get("duplicate_ratio")).isNull();
        assertThat(ccc14.get("late_ratio")).isNull();
        assertThat(ccc14.get("min_sequence")).isNull();
    }

    @Test
    void aNewHourRejudgesTheHourBefore() {
        Map<String, Object> aaa14 = beforeHour15.get("AAA 2026-11-20T14:00:00Z");
        // without hour 15, a9 was not late yet and 9 looked missing
        assertThat(l(aaa14, "late_ticks")).isEqualTo(1);
        assertThat(l(aaa14, "sequence_gaps")).isEqualTo(2);
        assertThat(beforeHour15).hasSize(3);
    }

    @Test
    void incrementalEqualsFull() {
        assertThat(full).isEqualTo(incremental);
    }

    private int quality(String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "quality";
        args[1] = "--lake";
        args[2] = lakeDir.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return AnalyticsCli.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aFailLevelBreachFailsNamingTheSymbolAndHour() {
        assertThat(quality("--day", "2026-11-20", "--quality.late-ratio.fail", "0.2")).isEqualTo(AnalyticsCli.FAILED);
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message).contains("FAILED: quality thresholds failed").contains("(1 row above a fail level)")
                .contains("data_quality_hourly hour_start 2026-11-20 14:00:00+00, symbol AAA: late_ratio = 0.222")
                .contains("above the fail level 0.2 (--quality.late-ratio.fail)");
    }

    @Test
    void aWarnLevelBreachIsReportedAndPasses() {
        assertThat(quality("--hour", "2026-11-20T15")).isEqualTo(AnalyticsCli.OK);
        String warnings = err.toString(StandardCharsets.UTF_8);
        // the declared default: gap_ratio warn=0.001
        assertThat(warnings).contains("WARNING: data_quality_hourly hour_start 2026-11-20 15:00:00+00, symbol BBB:"
                + " gap_ratio = 0.666").doesNotContain("14:00:00");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("no threshold failed");
    }

    @Test
    void levelsCanBeTurnedOff() {
        assertThat(quality("--full", "--quality.duplicate-ratio.warn", "off", "--quality.gap-ratio.warn", "off",
                "--quality.out-of-order-ratio.warn", "off", "--quality.late-ratio.warn", "off",
                "--quality.latency-p99-ms.warn", "off", "--quality.invalid-ratio.warn", "off")).isEqualTo(AnalyticsCli.OK);
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("WARNING");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 warnings");
    }

    @Test
    void aLevelForAnUnknownColumnOrNotANumberIsAUsageError() {
        assertThat(quality("--full", "--quality.gaps.fail", "1")).isEqualTo(AnalyticsCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--quality.gaps.fail: no model declares a threshold on 'gaps'");
        assertThat(quality("--full", "--quality.gap-ratio.fail", "lots")).isEqualTo(AnalyticsCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--quality.gap-ratio.fail: 'lots' must be a number or off");
        assertThat(quality("--changed")).isEqualTo(AnalyticsCli.USAGE);
    }
}
