package io.ticklake.simulator.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.schemas.StockTick;
import io.ticklake.simulator.testing.ManualClock;
import io.ticklake.simulator.tick.SourceNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplaySourceTest {

    private static final String BARS = """
            symbol,timestamp,open,high,low,close,volume
            AAPL,2024-05-10 09:30,183.00,183.40,182.80,183.10,1000
            MSFT,2024-05-10 09:30,410.00,410.50,409.00,409.20,2001
            AAPL,2024-05-10 09:31,183.10,183.15,183.00,183.05,7
            """;

    @TempDir
    Path dir;

    @Test
    void barsBecomeInterleavedTicksInEventTimeOrderThatReproduceEachBar() throws IOException {
        ReplaySettings settings = ReplaySettings.defaults();
        List<StockTick> ticks = drain(source(BARS, settings, new ManualClock(Instant.EPOCH)));

        assertThat(ticks).hasSize(12);
        assertThat(ticks).isSortedAccordingTo(Comparator.comparing(StockTick::getEventTime));
        assertThat(ticks).allMatch(t -> t.getSource().equals(SourceNames.REPLAY));
        assertThat(ticks.subList(0, 2)).extracting(StockTick::getSymbol).containsExactly("AAPL", "MSFT");
        List<StockTick> aapl = ticks.stream().filter(t -> t.getSymbol().equals("AAPL")).toList();
        assertThat(aapl).extracting(StockTick::getSequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        List<StockTick> firstBar = aapl.subList(0, 4);
        assertThat(firstBar).extracting(StockTick::getPrice).containsExactly(183.00, 182.80, 183.40, 183.10);
        assertThat(firstBar.stream().mapToLong(StockTick::getVolume).sum()).isEqualTo(1000);
        assertThat(aapl.subList(4, 8).stream().mapToLong(StockTick::getVolume).sum()).isEqualTo(7);
        List<StockTick> msft = ticks.stream().filter(t -> t.getSymbol().equals("MSFT")).toList();
        assertThat(msft).extracting(StockTick::getPrice).containsExactly(410.00, 410.50, 409.00, 409.20);
        assertThat(msft.stream().mapToLong(StockTick::getVolume).sum()).isEqualTo(2001);
        assertThat(ticks.get(0).getEventTime()).isEqualTo(Instant.parse("2024-05-10T13:30:00Z"));
    }

    @Test
    void aSpeedFactorReBasesToNowAndCompressesTime() throws IOException {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-20T15:00:00Z"));
        List<StockTick> original = drain(source(BARS, ReplaySettings.defaults(), clock));
        ReplaySource rebased = source(BARS, ReplaySettings.defaults().withSpeed(60), clock);
        clock.advance(Duration.ofSeconds(5));
        List<StockTick> ticks = drain(rebased);

        Instant now = Instant.parse("2026-11-20T15:00:05Z");
        assertThat(rebased.eventTimeIsWallClock()).isTrue();
        assertThat(ticks.get(0).getEventTime()).isEqualTo(now);
        for (int i = 0; i < ticks.size(); i++) {
            long originalOffset = original.get(i).getEventTime().toEpochMilli() - original.get(0).getEventTime().toEpochMilli();
            assertThat(ticks.get(i).getEventTime()).isEqualTo(now.plusMillis(originalOffset / 60));
            assertThat(ticks.get(i).getPrice()).isEqualTo(original.get(i).getPrice());
        }
        // the second AAPL bar started a minute later: one second later at 60x
        assertThat(ticks.get(ticks.size() - 4).getEventTime()).isEqualTo(now.plusSeconds(1));
    }

    @Test
    void recordedTicksKeepTheirOwnSequencesAndQuotes() throws IOException {
        List<StockTick> ticks = drain(source("""
                event_time,symbol,price,volume,bid,ask,sequence
                2024-05-10T13:30:00.300Z,AAPL,183.02,5,183.01,183.03,42
                2024-05-10T13:30:00.100Z,AAPL,183.00,10,,,
                """, ReplaySettings.defaults(), new ManualClock(Instant.EPOCH)));
        assertThat(ticks).extracting(StockTick::getSequence).containsExactly(1L, 42L);
        assertThat(ticks.get(1).getBid()).isEqualTo(183.01);
        assertThat(ticks.get(0).getAsk()).isNull();
    }

    private ReplaySource source(String csv, ReplaySettings settings, ManualClock clock) throws IOException {
        Path file = Files.writeString(dir.resolve("replay-" + System.nanoTime() + ".csv"), csv);
        return new ReplaySource(new CsvReplayReader(settings).read(file), settings, clock);
    }

    private static List<StockTick> drain(ReplaySource source) {
        List<StockTick> ticks = new ArrayList<>();
        for (Optional<StockTick> next = source.next(); next.isPresent(); next = source.next()) {
            ticks.add(next.get());
        }
        return ticks;
    }
}
