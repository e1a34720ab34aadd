package io.ticklake.simulator.alphavantage;

import static io.ticklake.simulator.testing.AlphaVantageStub.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GlobalQuoteParserTest {

    private static final String KEY = "K3Y-SECRET-42";
    private final GlobalQuoteParser parser = new GlobalQuoteParser(ApiKey.of(KEY));

    @Test
    void readsTheRecordedQuote() throws Exception {
        QuoteResponse response = parser.parse("IBM", recorded("global-quote-ibm.json"));
        assertThat(response).isEqualTo(new QuoteResponse.Quote(
                new GlobalQuote("IBM", 167.15, 3_007_394L, LocalDate.of(2024, 5, 10))));
    }

    @Test
    void tellsThePerMinuteNoteFromTheDailyLimit() throws Exception {
        assertThat(parser.parse("IBM", recorded("rate-limit-note.json")))
                .isInstanceOfSatisfying(QuoteResponse.RateLimited.class, r -> assertThat(r.daily()).isFalse());
        assertThat(parser.parse("IBM", recorded("rate-limit-burst.json")))
                .isInstanceOfSatisfying(QuoteResponse.RateLimited.class, r -> assertThat(r.daily()).isFalse());
        String daily = recorded("rate-limit-daily.json").replace("${KEY}", KEY);
        assertThat(parser.parse("IBM", daily)).isInstanceOfSatisfying(QuoteResponse.RateLimited.class, r -> {
            assertThat(r.daily()).isTrue();
            assertThat(r.message()).contains("25 requests per day").doesNotContain(KEY).contains("***");
        });
    }

    @Test
    void errorsEmptyQuotesAndTheDemoNoticeAreNotQuotes() throws Exception {
        assertThat(parser.parse("XXXX", recorded("error-invalid-call.json")))
                .isInstanceOfSatisfying(QuoteResponse.ApiError.class,
                        e -> assertThat(e.message()).startsWith("Invalid API call"));
        assertThat(parser.parse("XXXX", recorded("empty-quote.json"))).isEqualTo(new QuoteResponse.NoQuote("XXXX"));
        assertThat(parser.parse("IBM", recorded("demo-key.json"))).isInstanceOf(QuoteResponse.ApiError.class);
    }

    @Test
    void malformedAnswersSayWhatIsWrongWithoutTheKey() {
        assertThatThrownBy(() -> parser.parse("IBM", recorded("malformed-truncated.json")))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageStartingWith("Malformed Alpha Vantage answer for IBM: not JSON");
        assertThatThrownBy(() -> parser.parse("IBM", recorded("malformed-fields.json")))
                .hasMessageContaining("05. price='n/a'");
        assertThatThrownBy(() -> parser.parse("IBM", "<html>Service Unavailable</html>"))
                .hasMessageContaining("not JSON").hasMessageContaining("<html>Service Unavailable");
        assertThatThrownBy(() -> parser.parse("IBM", "[1, 2]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parser.parse("IBM", "{\"" + KEY + "\": 1}"))
                .hasMessageContaining("unexpected fields").hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> parser.parse("IBM", "{\"Global Quote\": {\"01. symbol\": \"IBM\"}}"))
                .hasMessageContaining("the quote has no \"05. price\"");
    }
}
