package io.ticklake.spark.compaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.testing.LakeTable;
import io.ticklake.spark.testing.RawFiles;
import io.ticklake.spark.testing.TestSpark;
import io.ticklake.spark.testing.Tick;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.iceberg.DataFile;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two compactions of the same hour write their files and meet at a barrier just before committing: one
 * commit wins, the other fails Iceberg's validation and either gives up naming the hour or plans again and
 * finds the hour done. Either way the hour holds each distinct raw record once and no file of the loser is
 * in the table (or left on disk).
 */
class CompactionConflictIT {

    private static final HourPartition HOUR = HourPartition.parse("2026-11-20T10");
    private static final String TOPIC = "stock-ticks";

    @TempDir
    Path dir;

    private SparkSession spark;
    private String lake;
    private LakeTable table;
    private ExecutorService threads;

    @BeforeEach
    void setUp() throws Exception {
        spark = TestSpark.session();
        lake = dir.toUri().toString();
        RawFiles raw = new RawFiles(lake, spark.sparkContext().hadoopConfiguration());
        raw.sinkFile(HOUR, TOPIC, 0, 0, 300);
        raw.sinkFile(HOUR, TOPIC, 1, 0, 200);
        raw.backfillFile(HOUR, TOPIC, 0, 250, 400);     // 50 duplicates, 100 new
        table = new LakeTable(spark, lake);
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() throws Exception {
        threads.shutdownNow();
        table.close();
    }

    @Test
    void withoutRetriesExactlyOneCommitWinsAndTheOtherNamesTheHourAndTheConflict() throws Exception {
        List<Outcome> outcomes = runTwoMeetingBeforeCommit("0");

        List<Outcome> won = outcomes.stream().filter(o -> o.result != null).toList();
        List<Outcome> lost = outcomes.stream().filter(o -> o.failure != null).toList();
        assertThat(won).as("outcomes: %s", outcomes).hasSize(1);
        assertThat(lost).singleElement().satisfies(o -> assertThat(o.failure)
                .isInstanceOf(CompactionConflictException.class)
                .hasMessageContaining(HOUR.toString()).hasMessageContaining("conflicted with another commit"));
        assertThat(won.get(0).result.hours().get(0).status()).isEqualTo(HourStatus.PUBLISHED);
        assertTheHourHoldsEachRecordOnceAndOnlyTheWinnersFiles();
    }

    @Test
    void withRetriesTheLoserPlansAgainAndFindsTheHourDone() throws Exception {
        List<Outcome> outcomes = runTwoMeetingBeforeCommit("3");

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure).isNull());
        assertThat(outcomes).extracting(o -> o.result.hours().get(0).status())
                .containsExactlyInAnyOrder(HourStatus.PUBLISHED, HourStatus.UNCHANGED);
        assertTheHourHoldsEachRecordOnceAndOnlyTheWinnersFiles();
    }

    private List<Outcome> runTwoMeetingBeforeCommit(String retries) throws Exception {
        CyclicBarrier beforeCommit = new CyclicBarrier(2);
        CompactionListener meet = (step, hours, attempt) -> {
            if (step == CompactionStep.AFTER_WRITE && attempt == 1) {
                beforeCommit.await(2, TimeUnit.MINUTES);
            }
        };
        List<Future<CompactionResult>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(threads.submit(() -> Compaction.in(spark).option("lake", lake).option("hour", HOUR.toString())
                    .option("commit-retries", retries).listener(meet).execute()));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<CompactionResult> run : runs) {
            try {
                outcomes.add(new Outcome(run.get(3, TimeUnit.MINUTES), null));
            } catch (ExecutionException e) {
                outcomes.add(new Outcome(null, e.getCause()));
            }
        }
        return outcomes;
    }

    private void assertTheHourHoldsEachRecordOnceAndOnlyTheWinnersFiles() throws Exception {
        assertThat(table.snapshots()).hasSize(1);
        List<Tick> rows = table.rows(HOUR);
        assertThat(rows).hasSize(600);
        assertThat(rows.stream().map(Tick::coordinate).distinct().count()).isEqualTo(600);
        Set<Path> inTable = table.files(HOUR).stream().map(DataFile::location)
                .map(l -> Path.of(URI.create(l.replaceFirst("^file:/+", "file:///")))).collect(Collectors.toSet());
        Path hourData = dir.resolve("warehouse/ticklake/ticks/data/event_time_hour=2026-11-20-10");
        try (Stream<Path> onDisk = Files.list(hourData)) {
            assertThat(onDisk.filter(p -> p.getFileName().toString().endsWith(".parquet"))
                    .collect(Collectors.toSet())).isEqualTo(inTable);
        }
    }

    private record Outcome(CompactionResult result, Throwable failure) {
    }
}
