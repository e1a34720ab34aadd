package io.ticklake.e2e.reference;

import static io.ticklake.e2e.reference.Ticks.T0;
import static io.ticklake.e2e.reference.Ticks.tick;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.e2e.kafka.TickRecord;
import io.ticklake.schemas.StockTick;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamsVerdictsTest {

    private static final long GRACE = 10_000;

    @Test
    void aTickIsLateWhenItsMinuteEndedAtOrBeforeStreamTimeMinusGrace() {
        List<Classified> verdicts = StreamsVerdicts.classify(List.of(
                tick(0, 0, "AAPL", 1.0, 1, 130_000, 1),   // stream time 2:10
                tick(0, 1, "AAPL", 1.0, 1, 119_999, 2),   // minute 1:00-2:00 ended at 2:00 = 2:10 - grace: late
                tick(0, 2, "AAPL", 1.0, 1, 120_000, 3),   // minute 2:00-3:00 is open
                tick(1, 0, "MSFT", 1.0, 1, 0, 1)),        // another partition has its own stream time
                GRACE, 10_000);

        assertThat(verdicts).extracting(Classified::verdict)
                .containsExactly(Verdict.ACCEPTED, Verdict.LATE, Verdict.ACCEPTED, Verdict.ACCEPTED);
    }

    @Test
    void theFirstTickOfAPartitionIsNeverLateAndInvalidTicksDoNotMoveStreamTime() {
        TickRecord farAheadButInvalid = tick(0, 0, "AAPL", -1.0, 1, 600_000, 1);
        List<Classified> verdicts = StreamsVerdicts.classify(List.of(farAheadButInvalid,
                tick(0, 1, "AAPL", 1.0, 1, 0, 2)), GRACE, 10_000);

        assertThat(verdicts).extracting(Classified::verdict).containsExactly(Verdict.INVALID, Verdict.ACCEPTED);
    }

    @Test
    void namesTheContractRuleATickBreaks() {
        TickRecord wrongKey = new TickRecord("ticks", 0, 5, "MSFT", 0, tick(0, 5, "AAPL", 1.0, 1, 0, 1).tick());
        TickRecord onTime = tick(0, 6, "AAPL", 1.0, 1, 3_600_000, 1);
        // produced at 1:00:00 with an event time 10.001 s later: judged by the record, whatever the clock says now
        TickRecord future = new TickRecord("ticks", 0, 6, "AAPL", onTime.timestampMs(), StockTick.newBuilder(onTime.tick())
                .setEventTime(onTime.tick().getEventTime().plusMillis(10_001)).build());
        List<Classified> verdicts = StreamsVerdicts.classify(List.of(
                tick(0, 0, "", 1.0, 1, 0, 1),
                tick(0, 1, "AAPL", Double.NaN, 1, 0, 1),
                tick(0, 2, "AAPL", 0.0, 1, 0, 1),
                tick(0, 3, "AAPL", 1.0, -1, 0, 1),
                tick(0, 4, "aapl", 1.0, 1, 0, 1),
                wrongKey, future), GRACE, 10_000);

        assertThat(verdicts).extracting(Classified::reason)
                .containsExactly("symbol", "price", "price", "volume", "symbol", "key", "event_time");
        assertThat(verdicts).extracting(Classified::verdict).containsOnly(Verdict.INVALID);
    }

    @Test
    void aValidTickWithNullBidAndAskIsAccepted() {
        StockTick tick = tick(0, 0, "BRK.B", 410.0, 0, 0, 1).tick();
        assertThat(StreamsVerdicts.classify(List.of(new TickRecord("ticks", 0, 0, "BRK.B", tick.getEventTime().toEpochMilli(), tick)), GRACE, 10_000))
                .extracting(Classified::verdict).containsExactly(Verdict.ACCEPTED);
    }

    @Test
    void anOnTimeCopyOfACountedTradeIsADuplicateAndALateOneIsLate() {
        List<Classified> verdicts = StreamsVerdicts.classify(List.of(
                tick(0, 0, "AAPL", 1.0, 1, 60_000, 1),
                tick(0, 1, "AAPL", 2.0, 5, 61_000, 1),    // another price and time, same trade: dropped
                tick(0, 2, "AAPL", 1.0, 1, 200_000, 2),   // stream time 3:20
                tick(0, 3, "AAPL", 1.0, 1, 60_000, 1),    // its minute closed: late, whatever it copies
                tick(1, 0, "MSFT", 1.0, 1, 60_000, 1)),   // another symbol's sequence 1
                GRACE, 10_000);

        assertThat(verdicts).extracting(Classified::verdict).containsExactly(Verdict.ACCEPTED, Verdict.DUPLICATE,
                Verdict.ACCEPTED, Verdict.LATE, Verdict.ACCEPTED);
        assertThat(StreamsVerdicts.counted(verdicts.stream().map(Classified::record).toList(), GRACE, 10_000))
                .extracting(r -> r.coordinates().toString()).containsExactly("ticks-0@0", "ticks-0@2", "ticks-1@0");
    }
}
