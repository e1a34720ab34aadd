package io.ticklake.spark.compaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.spark.lake.HourPartition;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

/** The sort prefix never contradicts the full order, and settles it for short symbols within the hour. */
class TickOrderTest {

    private static final long HOUR_START = HourPartition.parse("2026-11-20T14").start().toEpochMilli();
    private static final List<String> SYMBOLS = List.of("A", "AA", "AB", "A.B", "A-B", "AAPL", "BRK.B", "GOOGL",
            "GOOGLE", "GOOGLX", "GOOG", "ZZZZZ", "ZZZZZZZZZZZZ", "A\0", "A\0\0", "A\0B", "AB\u00e9", "\u00e9", "0", "9");

    @Test
    void acrossHoursTheFullOrderIsByHourFirst() {
        InternalRow late = tick("AAA", -1, 0, 0);            // the hour before
        InternalRow early = tick("ZZZ", 3_600_000, 0, 0);    // the hour after
        assertThat(TickOrder.compare(late, early)).isNegative();
    }

    @Test
    void aSmallerPrefixAlwaysMeansAnEarlierTick() {
        SplittableRandom random = new SplittableRandom(7);
        List<InternalRow> ticks = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            ticks.add(tick(SYMBOLS.get(random.nextInt(SYMBOLS.size())), randomMillis(random), random.nextInt(3),
                    random.nextInt(5)));
        }
        for (InternalRow a : ticks) {
            for (InternalRow b : ticks) {
                if (prefix(a) < prefix(b)) {
                    assertThat(TickOrder.compare(a, b)).as("%s before %s", describe(a), describe(b)).isNegative();
                }
            }
        }
    }

    @Test
    void shortSymbolsWithinTheHourAreOrderedByThePrefixAlone() {
        List<InternalRow> ticks = List.of(tick("AAPL", 0, 0, 0), tick("AAPL", 1, 0, 0), tick("AAPL", 3_599_999, 0, 0),
                tick("BRK.B", 0, 0, 0), tick("GOOGL", 5, 0, 0), tick("GOOGL", 6, 0, 0), tick("MSFT", 0, 0, 0));
        for (int i = 1; i < ticks.size(); i++) {
            assertThat(TickOrder.compare(ticks.get(i - 1), ticks.get(i))).isNegative();
            assertThat(prefix(ticks.get(i - 1))).as("%s before %s", describe(ticks.get(i - 1)), describe(ticks.get(i)))
                    .isLessThan(prefix(ticks.get(i)));
        }
        assertThat(prefix(ticks.get(0))).isNotNegative();
    }

    @Test
    void copiesOfARecordCompareEqualAndOtherwiseByCoordinatesThenIngestTime() {
        InternalRow tick = tick("AAPL", 10, 2, 7);
        assertThat(TickOrder.compare(tick, tick("AAPL", 10, 2, 7))).isZero();
        assertThat(TickOrder.compare(tick, tick("AAPL", 10, 2, 8))).isNegative();
        assertThat(TickOrder.compare(tick, tick("AAPL", 10, 1, 9))).isPositive();
        InternalRow ingestedLater = tick("AAPL", 10, 2, 7);
        ingestedLater.setLong(TickOrder.INGEST_TIME, ingestedLater.getLong(TickOrder.INGEST_TIME) + 1);
        assertThat(TickOrder.compare(tick, ingestedLater)).isNegative();
    }

    /** Mostly within the hour, some before and after it. */
    private static long randomMillis(SplittableRandom random) {
        return switch (random.nextInt(10)) {
            // a one-hour batch holds only its hour (the planner refuses files that say otherwise): its edges
            case 0 -> 0;
            case 1 -> 3_599_999;
            default -> random.nextLong(3_600_000);
        };
    }

    private static long prefix(InternalRow row) {
        return TickOrder.prefix(row.getUTF8String(TickOrder.SYMBOL), row.getLong(TickOrder.EVENT_TIME), HOUR_START);
    }

    private static InternalRow tick(String symbol, long millisIntoHour, int partition, long offset) {
        long eventMicros = (HOUR_START + millisIntoHour) * 1000;
        return new GenericInternalRow(new Object[] {UTF8String.fromString(symbol), 100.0, 1L, null, null, eventMicros,
            offset, UTF8String.fromString("SIMULATOR"), UTF8String.fromString("stock-ticks"), partition, offset,
            (HOUR_START + 3_600_000) * 1000});
    }

    private static String describe(InternalRow row) {
        return row.getUTF8String(TickOrder.SYMBOL) + "@" + row.getLong(TickOrder.EVENT_TIME) + "/"
                + row.getInt(TickOrder.PARTITION) + "@" + row.getLong(TickOrder.OFFSET);
    }
}
