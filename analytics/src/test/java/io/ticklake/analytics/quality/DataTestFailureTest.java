package io.ticklake.analytics.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.analytics.AnalyticsConfig;
import io.ticklake.analytics.ConfigKey;
import io.ticklake.analytics.run.AnalyticsRunner;
import io.ticklake.analytics.run.BuildScope;
import io.ticklake.analytics.run.RunListener;
import io.ticklake.analytics.testing.FixtureLake;
import io.ticklake.analytics.testing.ModelFixtures;
import io.ticklake.analytics.testing.Tick;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failing data test stops the run, names the model, the test and the failing rows, and publishes nothing for it. */
class DataTestFailureTest {

    private static final Instant HOUR_14 = Instant.parse("2026-11-20T14:00:00Z");

    @TempDir
    Path lakeDir;

    private AnalyticsRunner runner() {
        return AnalyticsRunner.create(AnalyticsConfig.forLake(lakeDir.toString()), RunListener.NONE);
    }

    @Test
    void duplicateKafkaCoordinatesFailStagingAndNothingIsPublished() throws Exception {
        List<Tick> ticks = new ArrayList<>(ModelFixtures.hour14());
        // the same Kafka record twice (so also the same trade twice): compaction should have removed it
        ticks.add(Tick.of("AAA", "2026-11-20T14:00:10Z", 101.0, 10, 1));
        try (FixtureLake lake = new FixtureLake(lakeDir.toString())) {
            lake.publish(ticks);
        }

        assertThatThrownBy(() -> runner().run(BuildScope.hour(HOUR_14)))
                .isInstanceOfSatisfying(DataTestFailureException.class, e -> {
                    assertThat(e.model()).isEqualTo("stg_ticks");
                    assertThat(e.failures()).extracting(DataTestFailure::test)
                            .containsExactly("unique_key(kafka_topic, kafka_partition, kafka_offset)",
                                    "counts_each_trade_once");
                    DataTestFailure failure = e.failures().get(0);
                    assertThat(failure.failingRows()).isEqualTo(1);
                    assertThat(failure.sample().get(0)).containsEntry("kafka_partition", 0)
                            .containsEntry("kafka_offset", 1L).containsEntry("occurrences", 2L);
                })
                .hasMessageContaining("model 'stg_ticks'")
                .hasMessageContaining("kafka_offset=1");
        assertThat(lakeDir.resolve("models")).doesNotExist();
    }

    @Test
    void aTradeOnTwoCoordinatesOfAnHourFailsStaging() throws Exception {
        List<Tick> ticks = new ArrayList<>(ModelFixtures.hour14());
        // a producer retry of AAA's sequence 2 on another offset: compaction should have kept one
        ticks.add(Tick.of("AAA", "2026-11-20T14:00:30Z", 103.0, 30, 40).withSequence(2));
        try (FixtureLake lake = new FixtureLake(lakeDir.toString())) {
            lake.publish(ticks);
        }

        assertThatThrownBy(() -> runner().run(BuildScope.hour(HOUR_14)))
                .isInstanceOfSatisfying(DataTestFailureException.class, e -> {
                    assertThat(e.model()).isEqualTo("stg_ticks");
                    assertThat(e.failures()).extracting(DataTestFailure::test)
                            .containsExactly("counts_each_trade_once");
                    assertThat(e.failures().get(0).sample()).singleElement().satisfies(row -> assertThat(row)
                            .containsEntry("symbol", "AAA").containsEntry("sequence", 2L)
                            .containsEntry("occurrences", 2L));
                });
        assertThat(lakeDir.resolve("models")).doesNotExist();
    }

    @Test
    void aFailingModelKeepsItsPublishedPartitionsAndReportsEveryFailedTest() throws Exception {
        try (FixtureLake lake = new FixtureLake(lakeDir.toString())) {
            lake.publish(ModelFixtures.hour14());
        }
        runner().run(BuildScope.full());
        Path published = lakeDir.resolve("models/ohlcv_1m/year=2026/month=11/day=20/part-00000.parquet");
        byte[] before = Files.readAllBytes(published);
        Files.setLastModifiedTime(published, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));

        // compaction republishes hour 14 with a tick that breaks two expectations of staging
        List<Tick> ticks = new ArrayList<>(ModelFixtures.hour14());
        ticks.add(Tick.of("BAD", "2026-11-20T14:10:00Z", -1.0, -5, 99));
        try (FixtureLake lake = new FixtureLake(lakeDir.toString())) {
            lake.publishHour(HOUR_14, ticks, 1);
        }

        assertThatThrownBy(() -> runner().run(BuildScope.hour(HOUR_14)))
                .isInstanceOfSatisfying(DataTestFailureException.class, e -> {
                    assertThat(e.model()).isEqualTo("stg_ticks");
                    assertThat(e.failures()).extracting(DataTestFailure::test).containsExactly(
                            "expect(price > 0 AND isfinite(price))", "expect(volume >= 0)");
                    assertThat(e.failures()).allSatisfy(f -> assertThat(f.sample()).singleElement()
                            .satisfies(row -> assertThat(row).containsEntry("symbol", "BAD")));
                });
        assertThat(Files.readAllBytes(published)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(published).toInstant()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
    }

    @Test
    void aCustomModelsFailureNamesTheModelAndItsRows() throws Exception {
        try (FixtureLake lake = new FixtureLake(lakeDir.toString())) {
            lake.publish(ModelFixtures.hour14());
        }
        Path models = Files.createDirectories(lakeDir.resolve("custom-models"));
        Files.writeString(models.resolve("ticks.sql"), """
                -- materialized: table
                -- time_column: event_time
                SELECT * FROM compacted_ticks WHERE event_time >= range_start() AND event_time < range_end()
                """);
        Files.writeString(models.resolve("cheap_ticks.sql"), """
                -- Ticks priced under 105 (a model whose expectation the fixture breaks on purpose).
                -- depends_on: ticks
                -- time_column: event_time
                -- unique_key: kafka_partition, kafka_offset
                -- expect: price < 105
                SELECT symbol, price, event_time, kafka_partition, kafka_offset FROM ticks
                """);
        AnalyticsConfig config = AnalyticsConfig.from(Map.of(ConfigKey.LAKE.option(), lakeDir.toString(),
                ConfigKey.MODELS_DIR.option(), models.toString()), Map.of());

        assertThatThrownBy(() -> AnalyticsRunner.create(config, RunListener.NONE).run(BuildScope.full()))
                .isInstanceOfSatisfying(DataTestFailureException.class, e -> {
                    assertThat(e.model()).isEqualTo("cheap_ticks");
                    assertThat(e.failures()).singleElement().satisfies(f -> {
                        assertThat(f.test()).isEqualTo("expect(price < 105)");
                        // 106, 105, 110, 108 and 120 of AAA
                        assertThat(f.failingRows()).isEqualTo(5);
                        assertThat(f.sample()).extracting(r -> r.get("price")).contains(106.0, 120.0);
                    });
                })
                .hasMessageContaining("data tests failed for model 'cheap_ticks'")
                .hasMessageContaining("5 failing rows")
                .hasMessageContaining("price=120.0");
        assertThat(lakeDir.resolve("models/cheap_ticks")).doesNotExist();
    }
}
