package io.ticklake.streams.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.schemas.WindowKpi;
import io.ticklake.streams.live.ChangedMinutes.Change;
import io.ticklake.streams.query.KpiUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The provisional rounds on a fake store: a round reads each changed minute once, with the value it
 * has when the round runs (the latest), hands every listener the same list, skips minutes whose
 * partition is not queryable, and survives a failing listener.
 */
class ProvisionalPublisherTest {

    private static final long M0 = Instant.parse("2026-11-20T14:00:00Z").toEpochMilli();

    /** The "store": the close of each (symbol, minute), as the stream thread last wrote it. */
    private final Map<String, Double> closes = new ConcurrentHashMap<>();
    private final ChangedMinutes changes = new ChangedMinutes(100);
    private final ProvisionalPublisher publisher = new ProvisionalPublisher(changes, 1_000);

    @Test
    void aRoundHandsOverTheLatestValueOfEachChangedMinuteOnce() {
        List<List<WindowKpi>> received = new CopyOnWriteArrayList<>();
        publisher.subscribe(received::add);
        publisher.start(this::read);

        for (int tick = 1; tick <= 50; tick++) {
            write(0, "AAPL", M0, 100.0 + tick);
        }
        write(3, "MSFT", M0, 20.0);

        assertThat(publisher.round()).isEqualTo(2);
        assertThat(received).hasSize(1);
        assertThat(received.get(0)).extracting(WindowKpi::getSymbol, WindowKpi::getClose)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AAPL", 150.0),
                        org.assertj.core.groups.Tuple.tuple("MSFT", 20.0));
        assertThat(publisher.round()).isZero();
        assertThat(received).hasSize(1);
        assertThat(publisher.publishedCount()).isEqualTo(2);
    }

    @Test
    void everyListenerGetsTheRoundAndAFailingOneStopsNothing() {
        List<WindowKpi> first = new CopyOnWriteArrayList<>();
        List<WindowKpi> second = new CopyOnWriteArrayList<>();
        publisher.subscribe(first::addAll);
        publisher.subscribe(kpis -> {
            throw new IllegalStateException("listener bug");
        });
        publisher.subscribe(second::addAll);
        publisher.start(this::read);

        write(0, "AAPL", M0, 1.0);
        publisher.round();
        write(0, "AAPL", M0, 2.0);
        publisher.round();

        assertThat(first).extracting(WindowKpi::getClose).containsExactly(1.0, 2.0);
        assertThat(second).extracting(WindowKpi::getClose).containsExactly(1.0, 2.0);
    }

    @Test
    void minutesOfAPartitionThatIsNotQueryableHereAreSkipped() {
        List<WindowKpi> received = new CopyOnWriteArrayList<>();
        publisher.subscribe(received::addAll);
        publisher.start(change -> {
            if (change.partition() == 5) {
                throw new KpiUnavailableException("partition 5 moved", Duration.ofSeconds(1));
            }
            return read(change);
        });
        write(5, "GONE", M0, 1.0);
        write(0, "HERE", M0, 2.0);

        assertThat(publisher.round()).isEqualTo(1);
        assertThat(received).extracting(WindowKpi::getSymbol).containsExactly("HERE");
        assertThat(publisher.skippedCount()).isEqualTo(1);
    }

    @Test
    void changesAreRecordedOnlyWhileTheRoundsRunForARegisteredListener() {
        List<WindowKpi> received = new CopyOnWriteArrayList<>();
        ProvisionalPublisher.Registration registration = publisher.subscribe(received::addAll);
        write(0, "AAPL", M0, 1.0);
        assertThat(changes.waiting()).as("not started: nothing would drain them").isZero();

        publisher.start(this::read);
        write(0, "AAPL", M0, 2.0);
        assertThat(changes.waiting()).isEqualTo(1);

        registration.close();
        assertThat(changes.waiting()).isZero();
        write(0, "AAPL", M0, 3.0);
        assertThat(publisher.round()).isZero();
        assertThat(received).isEmpty();

        publisher.subscribe(received::addAll);
        publisher.close();
        write(0, "AAPL", M0, 4.0);
        assertThat(changes.waiting()).as("closed").isZero();
    }

    @Test
    void theScheduledRoundsDeliverWithoutBeingCalled() {
        ProvisionalPublisher fast = new ProvisionalPublisher(changes, 5);
        List<WindowKpi> received = new CopyOnWriteArrayList<>();
        fast.subscribe(received::addAll);
        fast.start(this::read);
        try {
            write(0, "AAPL", M0, 7.0);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(received).extracting(WindowKpi::getClose).containsExactly(7.0);
        } finally {
            fast.close();
        }
    }

    /** What the stream thread does: update the state, then mark the minute. */
    private void write(int partition, String symbol, long minute, double close) {
        closes.put(symbol + "@" + minute, close);
        changes.mark(partition, symbol, minute);
    }

    private List<WindowKpi> read(Change change) {
        double close = closes.get(change.symbol() + "@" + change.minuteStart());
        Instant start = Instant.ofEpochMilli(change.minuteStart());
        return List.of(WindowKpi.newBuilder().setSymbol(change.symbol()).setWindow("1m").setWindowStart(start)
                .setWindowEnd(start.plusSeconds(60)).setOpen(close).setHigh(close).setLow(close).setClose(close)
                .setAvg(close).setVwap(close).setVolume(1).setTradeCount(1).setStddev(0.0)
                .setLastEventTime(start).setMa15m(null).setMa1h(null).build());
    }
}
