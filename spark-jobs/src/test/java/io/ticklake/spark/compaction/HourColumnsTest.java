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

/** The columns hand back exactly the rows they took, in {@link TickOrder}, whatever the ties. */
class HourColumnsTest {

    static final long HOUR_START = HourPartition.parse("2026-11-20T14").start().toEpochMilli();
    private static final List<String> SYMBOLS = List.of("A", "AA", "A.B", "AAPL", "BRK.B", "GOOGL", "GOOGLE",
            "ZZZZZZZZZZZZ", "A\0", "AB\u00e9", "\u00e9", "0");
    private static final List<String> TOPICS = List.of("stock-ticks", "stock-ticks-replay");

    @Test
    void handsBackEveryRowInTickOrderWithTiesOnEveryColumn() {
        List<InternalRow> ticks = randomTicks(20_000, 0, 3_600_000, 11);

        List<InternalRow> sorted = sortedThroughColumns(ticks);

        assertInTickOrder(sorted);
        assertThat(sorted.stream().map(HourColumnsTest::describe).sorted().toList())
                .isEqualTo(ticks.stream().map(HourColumnsTest::describe).sorted().toList());
    }

    @Test
    void ordersTicksOfOtherHoursToo() {
        // the planner keeps such files out; if one slips through, the writer names the tick, so order it right
        List<InternalRow> ticks = randomTicks(3_000, -3_600_000, 7_200_000, 12);

        List<InternalRow> sorted = sortedThroughColumns(ticks);

        assertInTickOrder(sorted);
        assertThat(sorted).hasSize(ticks.size());
        assertThat(sorted.get(0).getLong(TickOrder.EVENT_TIME)).isLessThan(HOUR_START * 1000);
    }

    private static List<InternalRow> sortedThroughColumns(List<InternalRow> ticks) {
        HourColumns columns = new HourColumns(HOUR_START, 16); // grows past its first guess
        columns.add(rowGroup(ticks), 0);
        assertThat(columns.size()).isEqualTo(ticks.size());
        return rowsOf(columns.sorted());
    }

    /** The rows at the cursor's positions; what it tells the writer must be what the row holds. */
    static List<InternalRow> rowsOf(HourColumns.Cursor cursor) {
        List<InternalRow> rows = new ArrayList<>();
        while (cursor.next()) {
            InternalRow row = cursor.toInternalRow().copy(); // one instance, overwritten by the next call
            assertThat(cursor.symbol()).isEqualTo(row.getUTF8String(TickOrder.SYMBOL));
            assertThat(cursor.eventTime()).isEqualTo(row.getLong(TickOrder.EVENT_TIME));
            assertThat(cursor.sequence()).isEqualTo(row.getLong(TickOrder.SEQUENCE));
            assertThat(cursor.topic()).isEqualTo(row.getUTF8String(TickOrder.TOPIC));
            assertThat(cursor.partition()).isEqualTo(row.getInt(TickOrder.PARTITION));
            assertThat(cursor.offset()).isEqualTo(row.getLong(TickOrder.OFFSET));
            rows.add(row);
        }
        return rows;
    }

    /** The ticks as the column reader hands them over, all of symbol group 0, strings from plain pages. */
    static RawRowGroup rowGroup(List<InternalRow> ticks) {
        RawRowGroup group = new RawRowGroup();
        group.reset(ticks.size());
        for (int i = 0; i < ticks.size(); i++) {
            InternalRow row = ticks.get(i);
            group.symbol[i] = row.getUTF8String(0);
            group.symbolId[i] = -1;
            group.price[i] = row.getDouble(1);
            group.volume[i] = row.getLong(2);
            group.bidNull[i] = row.isNullAt(3);
            group.bid[i] = row.isNullAt(3) ? 0 : row.getDouble(3);
            group.askNull[i] = row.isNullAt(4);
            group.ask[i] = row.isNullAt(4) ? 0 : row.getDouble(4);
            group.eventTime[i] = row.getLong(5);
            group.sequence[i] = row.getLong(6);
            group.source[i] = row.getUTF8String(7);
            group.topic[i] = row.getUTF8String(8);
            group.partition[i] = row.getInt(9);
            group.offset[i] = row.getLong(10);
            group.ingestTime[i] = row.getLong(11);
        }
        return group;
    }

    static void assertInTickOrder(List<InternalRow> rows) {
        for (int i = 1; i < rows.size(); i++) {
            assertThat(TickOrder.compare(rows.get(i - 1), rows.get(i)))
                    .as("%s before %s", describe(rows.get(i - 1)), describe(rows.get(i))).isNotPositive();
        }
    }

    /** Few distinct milliseconds, so that many rows share a symbol and a millisecond; some exact copies. */
    static List<InternalRow> randomTicks(int count, long fromMillis, long toMillis, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] millis = random.longs(40, fromMillis, toMillis).toArray();
        List<InternalRow> ticks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i > 0 && random.nextInt(10) == 0) {
                ticks.add(ticks.get(random.nextInt(ticks.size())).copy()); // a record landed twice
                continue;
            }
            long eventMicros = (HOUR_START + millis[random.nextInt(millis.length)]) * 1000 + random.nextInt(3);
            int partition = random.nextInt(3);
            long offset = random.nextInt(200);
            ticks.add(new GenericInternalRow(new Object[] {
                UTF8String.fromString(SYMBOLS.get(random.nextInt(SYMBOLS.size()))), random.nextDouble(100),
                (long) random.nextInt(1000), random.nextBoolean() ? null : random.nextDouble(100),
                random.nextBoolean() ? null : random.nextDouble(100), eventMicros, (long) random.nextInt(50),
                UTF8String.fromString(random.nextBoolean() ? "SIMULATOR" : "REPLAY"),
                UTF8String.fromString(TOPICS.get(random.nextInt(TOPICS.size()))), partition, offset,
                (HOUR_START + 3_600_000 + random.nextInt(2)) * 1000}));
        }
        return ticks;
    }

    static String describe(InternalRow row) {
        return row.getUTF8String(0) + "|" + row.getDouble(1) + "|" + row.getLong(2) + "|"
                + (row.isNullAt(3) ? "null" : row.getDouble(3)) + "|" + (row.isNullAt(4) ? "null" : row.getDouble(4))
                + "|" + row.getLong(5) + "|" + row.getLong(6) + "|" + row.getUTF8String(7) + "|" + row.getUTF8String(8)
                + "|" + row.getInt(9) + "|" + row.getLong(10) + "|" + row.getLong(11);
    }
}
