package io.ticklake.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticklake.schemas.StockTick;
import io.ticklake.simulator.testing.CollectingSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    @Test
    void reportsCountsRateAndErrors() {
        RunCounters counters = new RunCounters();
        counters.generated.add(1200);
        counters.rejected.add(2);
        CollectingSink sink = new CollectingSink();
        for (int i = 0; i < 1000; i++) {
            sink.send(StockTick.newBuilder().setSymbol("A").setPrice(1).setVolume(1).setBid(null).setAsk(null)
                    .setEventTime(Instant.EPOCH).setSequence(i).setSource("T").build());
        }
        try (ProgressReporter reporter = new ProgressReporter(counters, sink, line -> { }, Duration.ofHours(1))) {
            String line = reporter.line(System.nanoTime() + 2_000_000_000L);
            assertThat(line).contains("ticks=1200", "sent=1000", "acked=1000", "errors=0", "rejected=2")
                    .containsPattern("rate=\\d+/s").containsPattern("avg=\\d+/s");
        }
    }

    @Test
    void printsAtTheInterval() {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (ProgressReporter ignored = new ProgressReporter(new RunCounters(), new CollectingSink(), lines::add,
                Duration.ofMillis(50))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> lines.size() >= 3);
        }
        assertThat(lines).allMatch(line -> line.startsWith("progress:"));
    }
}
