package io.ticklake.spark.compaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.testing.LakeTable;
import io.ticklake.spark.testing.LoopingReader;
import io.ticklake.spark.testing.RawFiles;
import io.ticklake.spark.testing.TestSpark;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Interrupts a compaction at each step while a reader loops over the hour: the reader only ever sees the
 * whole old hour or the whole new one, and the next run completes what the interrupted one began.
 */
class CompactionFaultIT {

    private static final HourPartition HOUR = HourPartition.parse("2026-11-20T09");
    private static final String TOPIC = "stock-ticks";

    @TempDir
    Path dir;

    /** Thrown by the listener: the run stops there as if the process had died. */
    static final class InjectedFault extends RuntimeException {
        InjectedFault(CompactionStep step) {
            super("injected fault at " + step);
        }
    }

    @ParameterizedTest
    @EnumSource(CompactionStep.class)
    void anInterruptedRunLeavesTheOldOrTheNewHourAndTheNextRunCompletesIt(CompactionStep failAt) throws Exception {
        SparkSession spark = TestSpark.session();
        String lake = dir.toUri().toString();
        RawFiles raw = new RawFiles(lake, spark.sparkContext().hadoopConfiguration());
        raw.sinkFile(HOUR, TOPIC, 0, 0, 500);
        raw.sinkFile(HOUR, TOPIC, 1, 0, 500);
        compaction(spark, lake).execute();                    // 1000 rows
        raw.sinkFile(HOUR, TOPIC, 2, 0, 200);                 // late data
        raw.backfillFile(HOUR, TOPIC, 0, 0, 500);             // and duplicates: then 1200 rows

        try (LakeTable table = new LakeTable(spark, lake); LoopingReader reader = new LoopingReader(lake, HOUR)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.reads() >= 3);

            assertThatThrownBy(() -> compaction(spark, lake).listener((step, hours, attempt) -> {
                if (step == failAt) {
                    throw new InjectedFault(step);
                }
            }).execute()).isInstanceOf(InjectedFault.class);

            long readsAfterFault = reader.reads();
            assertThat(table.rows(HOUR)).hasSize(failAt == CompactionStep.AFTER_COMMIT ? 1200 : 1000);
            assertThat(table.snapshots()).hasSize(failAt == CompactionStep.AFTER_COMMIT ? 2 : 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.reads() >= readsAfterFault + 3);

            HourCompactionResult next = compaction(spark, lake).execute().hours().get(0);
            long readsAfterNext = reader.reads();
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.reads() >= readsAfterNext + 3);

            if (failAt == CompactionStep.AFTER_COMMIT) {
                assertThat(next.status()).isEqualTo(HourStatus.UNCHANGED);
            } else {
                assertThat(next.status()).isEqualTo(HourStatus.PUBLISHED);
                assertThat(next.rowsOut()).isEqualTo(1200);
            }
            assertThat(table.rows(HOUR)).hasSize(1200);
            assertThat(table.snapshots()).hasSize(2);
            assertThat(reader.problems()).isEmpty();
            assertThat(reader.countsSeen()).containsOnly(1000L, 1200L).contains(1200L);
        }
    }

    private static Compaction compaction(SparkSession spark, String lake) {
        return Compaction.in(spark).option("lake", lake).option("hour", HOUR.toString());
    }
}
