package io.ticklake.e2e.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.schemas.StockTick;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicContentsTest {

    private static StockTick tick(String symbol, double price, long sequence) {
        return StockTick.newBuilder().setSymbol(symbol).setPrice(price).setVolume(1).setBid(null).setAsk(null)
                .setEventTime(Instant.parse("2026-11-20T14:00:00Z")).setSequence(sequence).setSource("TEST").build();
    }

    @Test
    void matchesTheSameTicksIncludingNaNPricesAndDuplicates() {
        List<StockTick> sent = List.of(tick("AAPL", 1, 1), tick("AAPL", Double.NaN, 1), tick("AAPL", 2, 2),
                tick("AAPL", 2, 2), tick("MSFT", 3, 1));
        List<TickRecord> topic = List.of(new TickRecord("t", 0, 0, "AAPL", 0, sent.get(0)),
                new TickRecord("t", 1, 0, "MSFT", 0, sent.get(4)), new TickRecord("t", 0, 1, "AAPL", 0, sent.get(1)),
                new TickRecord("t", 0, 2, "AAPL", 0, sent.get(2)), new TickRecord("t", 0, 3, "AAPL", 0, sent.get(3)));

        assertThat(TopicContents.differences(sent, topic)).isEmpty();
    }

    @Test
    void findsAMissingDuplicateAReorderingAndAWrongKey() {
        List<StockTick> sent = List.of(tick("AAPL", 1, 1), tick("AAPL", 2, 2), tick("AAPL", 2, 2));
        assertThat(TopicContents.differences(sent, List.of(new TickRecord("t", 0, 0, "AAPL", 0, sent.get(0)),
                new TickRecord("t", 0, 1, "AAPL", 0, sent.get(1))))).isNotEmpty();
        assertThat(TopicContents.differences(sent, List.of(new TickRecord("t", 0, 0, "AAPL", 0, sent.get(1)),
                new TickRecord("t", 0, 1, "AAPL", 0, sent.get(0)), new TickRecord("t", 0, 2, "AAPL", 0, sent.get(2)))))
                .isNotEmpty();
        assertThat(TopicContents.differences(List.of(sent.get(0)),
                List.of(new TickRecord("t", 0, 0, "MSFT", 0, sent.get(0))))).anyMatch(d -> d.contains("keyed 'MSFT'"));
    }
}
