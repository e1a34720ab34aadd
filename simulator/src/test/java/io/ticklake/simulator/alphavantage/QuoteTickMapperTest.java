package io.ticklake.simulator.alphavantage;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.schemas.StockTick;
import io.ticklake.simulator.tick.SourceNames;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuoteTickMapperTest {

    private static final LocalDate FRIDAY = LocalDate.of(2024, 5, 10);
    private final QuoteTickMapper mapper = new QuoteTickMapper(ZoneId.of("America/New_York"), 1);

    @Test
    void mapsAQuoteFetchedDuringTheSession() {
        Instant fetched = Instant.parse("2024-05-10T15:00:00.123Z");
        StockTick tick = mapper.map(new GlobalQuote("IBM", 167.15, 3_007_394L, FRIDAY), fetched).orElseThrow();
        assertThat(tick.getSymbol()).isEqualTo("IBM");
        assertThat(tick.getPrice()).isEqualTo(167.15);
        assertThat(tick.getVolume()).isEqualTo(3_007_394L);
        assertThat(tick.getBid()).isNull();
        assertThat(tick.getAsk()).isNull();
        assertThat(tick.getEventTime()).isEqualTo(fetched);
        assertThat(tick.getSequence()).isEqualTo(1);
        assertThat(tick.getSource()).isEqualTo(SourceNames.ALPHA_VANTAGE);
    }

    @Test
    void volumeIsWhatTradedSinceThePreviousQuoteOfTheDay() {
        Instant t = Instant.parse("2024-05-10T15:00:00Z");
        StockTick first = mapper.map(new GlobalQuote("IBM", 167.00, 1_000_000L, FRIDAY), t).orElseThrow();
        StockTick second = mapper.map(new GlobalQuote("IBM", 167.10, 1_250_000L, FRIDAY), t.plusSeconds(60)).orElseThrow();
        StockTick nextDay = mapper.map(new GlobalQuote("IBM", 168.00, 40_000L, FRIDAY.plusDays(3)),
                Instant.parse("2024-05-13T14:00:00Z")).orElseThrow();
        assertThat(first.getVolume() + second.getVolume()).isEqualTo(1_250_000L);
        assertThat(second.getVolume()).isEqualTo(250_000L);
        assertThat(nextDay.getVolume()).isEqualTo(40_000L);
        assertThat(nextDay.getSequence()).isEqualTo(3);
    }

    @Test
    void aRepeatedQuoteGivesNoTick() {
        GlobalQuote quote = new GlobalQuote("IBM", 167.15, 3_007_394L, FRIDAY);
        assertThat(mapper.map(quote, Instant.parse("2024-05-10T21:00:00Z"))).isPresent();
        assertThat(mapper.map(quote, Instant.parse("2024-05-10T21:01:00Z"))).isEmpty();
        assertThat(mapper.repeats()).isEqualTo(1);
        assertThat(mapper.map(new GlobalQuote("MSFT", 167.15, 3_007_394L, FRIDAY), Instant.parse("2024-05-10T21:02:00Z")))
                .as("another symbol is no repeat").isPresent();
    }

    @Test
    void aQuoteFetchedAfterTheCloseIsTimedAtTheClose() {
        StockTick weekend = mapper.map(new GlobalQuote("IBM", 167.15, 3_007_394L, FRIDAY),
                Instant.parse("2024-05-12T10:00:00Z")).orElseThrow();
        assertThat(weekend.getEventTime()).isEqualTo(Instant.parse("2024-05-10T20:00:00Z"));
    }
}
