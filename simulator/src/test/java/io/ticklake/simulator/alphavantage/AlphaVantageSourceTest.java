package io.ticklake.simulator.alphavantage;

import static io.ticklake.simulator.testing.AlphaVantageStub.quote;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.schemas.StockTick;
import io.ticklake.simulator.testing.AlphaVantageStub;
import io.ticklake.simulator.testing.CapturedStderr;
import io.ticklake.simulator.testing.ManualClock;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The poller against a local HTTP stub serving Alpha Vantage's recorded answers. */
class AlphaVantageSourceTest {

    private static final String KEY = "AV-TEST-KEY-7f3c";
    private static final Instant FRIDAY_11AM = Instant.parse("2024-05-10T15:00:00Z");

    private final AlphaVantageStub stub = new AlphaVantageStub();
    private final ManualClock clock = new ManualClock(FRIDAY_11AM);

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void pollsEachSymbolInTurnWithTheKeyAndMapsQuotes() throws InterruptedException {
        stub.thenRecorded("global-quote-ibm.json").then(200, quote("MSFT", "410.20", 900_000, "2024-05-10"));
        AlphaVantageSource source = source(settings(List.of("ibm", "MSFT")));

        StockTick ibm = source.next().orElseThrow();
        StockTick msft = source.next().orElseThrow();

        assertThat(ibm.getSymbol()).isEqualTo("IBM");
        assertThat(ibm.getPrice()).isEqualTo(167.15);
        assertThat(ibm.getVolume()).isEqualTo(3_007_394L);
        assertThat(ibm.getEventTime()).isEqualTo(FRIDAY_11AM);
        assertThat(msft.getSymbol()).isEqualTo("MSFT");
        List<URI> requests = stub.requests();
        assertThat(requests).hasSize(2);
        assertThat(AlphaVantageStub.queryParameter(requests.get(0), "function")).isEqualTo("GLOBAL_QUOTE");
        assertThat(AlphaVantageStub.queryParameter(requests.get(0), "symbol")).isEqualTo("IBM");
        assertThat(AlphaVantageStub.queryParameter(requests.get(1), "symbol")).isEqualTo("MSFT");
        assertThat(AlphaVantageStub.queryParameter(requests.get(0), "apikey")).isEqualTo(KEY);
    }

    @Test
    void skipsARepeatedQuote() throws InterruptedException {
        String same = quote("IBM", "167.15", 3_007_394, "2024-05-10");
        stub.then(200, same).then(200, same).then(200, quote("IBM", "167.30", 3_100_000, "2024-05-10"));
        AlphaVantageSource source = source(settings(List.of("IBM")));

        StockTick first = source.next().orElseThrow();
        StockTick second = source.next().orElseThrow();

        assertThat(stub.requests()).hasSize(3);
        assertThat(second.getPrice()).isEqualTo(167.30);
        assertThat(second.getVolume()).isEqualTo(3_100_000 - 3_007_394);
        assertThat(second.getSequence()).isEqualTo(first.getSequence() + 1);
        assertThat(source.counters()).containsEntry("repeated_quotes", 1L).containsEntry("calls", 3L);
    }

    @Test
    void keepsToFiveCallsPerMinute() throws InterruptedException {
        for (int i = 0; i < 7; i++) {
            stub.then(200, quote("IBM", "167." + (10 + i), 1000 + i, "2024-05-10"));
        }
        AlphaVantageSource source = source(settings(List.of("IBM")));
        for (int i = 0; i < 7; i++) {
            source.next().orElseThrow();
        }
        // calls 1-5 go at once (the clock stands still), the 6th waits for the first to leave the window
        assertThat(clock.sleeps()).containsExactly(Duration.ofMinutes(1));
        assertThat(stub.requests()).hasSize(7);
    }

    @Test
    void endsWithAClearMessageWhenTheDailyBudgetIsUsedUp() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            stub.then(200, quote("IBM", "167." + (10 + i), 1000 + i, "2024-05-10"));
        }
        AlphaVantageSource source = source(settings(List.of("IBM")).withBudget(5, 3));
        List<StockTick> ticks = drain(source);

        assertThat(ticks).hasSize(3);
        assertThat(stub.requests()).as("no call beyond the budget").hasSize(3);
        assertThat(source.endReason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("budget used up: 3 of 3 calls today (America/New_York)")
                .contains("next call is possible at 2024-05-11T00:00-04:00"));
    }

    @Test
    void waitsForTheNextDayWhenAsked() throws InterruptedException {
        stub.then(200, quote("IBM", "167.10", 1000, "2024-05-10")).then(200, quote("IBM", "168.10", 10, "2024-05-13"));
        AlphaVantageSource source = source(settings(List.of("IBM")).withBudget(5, 1).withWaitForNextDay(true));
        source.next().orElseThrow();
        StockTick nextDay = source.next().orElseThrow();
        assertThat(clock.instant()).isEqualTo(Instant.parse("2024-05-11T04:00:00Z"));
        assertThat(nextDay.getPrice()).isEqualTo(168.10);
    }

    @Test
    void aPerMinuteNotePausesAndRetriesTheSameSymbol() throws InterruptedException {
        stub.thenRecorded("rate-limit-note.json").thenRecorded("global-quote-ibm.json");
        AlphaVantageSource source = source(settings(List.of("IBM", "MSFT")));
        StockTick tick = source.next().orElseThrow();
        assertThat(tick.getSymbol()).isEqualTo("IBM");
        assertThat(clock.sleeps()).containsExactly(Duration.ofMinutes(1));
        assertThat(source.counters()).containsEntry("rate_limited", 1L);
        assertThat(stub.requests()).extracting(uri -> AlphaVantageStub.queryParameter(uri, "symbol"))
                .containsExactly("IBM", "IBM");
    }

    @Test
    void theDailyInformationEndsTheSource() throws InterruptedException {
        stub.thenRecorded("global-quote-ibm.json").thenRecorded("rate-limit-daily.json");
        AlphaVantageSource source = source(settings(List.of("IBM", "MSFT")));
        assertThat(drain(source)).hasSize(1);
        assertThat(stub.requests()).hasSize(2);
        assertThat(source.endReason()).hasValueSatisfying(reason -> assertThat(reason).contains("budget used up"));
    }

    @Test
    void malformedAnswersErrorsAndUnknownSymbolsAreCountedAndPollingGoesOn() throws InterruptedException {
        stub.thenRecorded("malformed-truncated.json")
                .thenRecorded("empty-quote.json")
                .thenRecorded("error-invalid-call.json")
                .then(500, "oops")
                .thenRecorded("global-quote-ibm.json");
        AlphaVantageSource source = source(settings(List.of("A", "B", "C", "D", "IBM")));
        assertThat(source.next()).map(StockTick::getSymbol).hasValue("IBM");
        assertThat(source.counters()).containsEntry("malformed_responses", 1L).containsEntry("no_quote", 1L)
                .containsEntry("api_errors", 1L).containsEntry("http_errors", 1L).containsEntry("calls", 5L);
    }

    @Test
    void aRefusedKeyEndsTheSource() throws InterruptedException {
        stub.thenRecorded("error-invalid-key.json");
        AlphaVantageSource source = source(settings(List.of("IBM")));
        assertThat(source.next()).isEmpty();
        assertThat(source.endReason()).hasValueSatisfying(reason -> assertThat(reason).contains("refused the API key"));
    }

    @Test
    void anUnreachableServiceIsRetriedWithBackoffWithoutSpendingBudgetThenEnds() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AlphaVantageSource source = source(settings(List.of("IBM")).withBaseUrl("http://127.0.0.1:" + closedPort + "/query"));
        assertThat(source.next()).isEmpty();
        assertThat(clock.sleeps()).extracting(Duration::toSeconds).containsExactly(5L, 10L, 20L, 40L, 80L, 160L, 300L);
        assertThat(source.counters()).containsEntry("calls", 0L)
                .containsEntry("http_errors", (long) AlphaVantageSource.MAX_TRANSPORT_FAILURES);
        assertThat(source.endReason()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("Alpha Vantage unreachable: 8 calls in a row failed")
                .contains("127.0.0.1:" + closedPort));
    }

    @Test
    void theKeyNeverAppearsInLogsOrMessages() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String echoingKey = "{\"Strange\": \"your key " + KEY + " is odd\"}";
        stub.then(200, echoingKey).thenRecorded("malformed-truncated.json").thenRecorded("rate-limit-daily.json");
        String logged;
        List<String> messages = new ArrayList<>();
        try (CapturedStderr stderr = new CapturedStderr()) {
            AlphaVantageSource unreachable = source(settings(List.of("IBM"))
                    .withBaseUrl("http://127.0.0.1:" + closedPort + "/query?x=" + KEY));
            assertThat(unreachable.next()).isEmpty();
            messages.add(unreachable.endReason().orElseThrow());
            AlphaVantageSource source = source(settings(List.of("IBM")));
            drain(source);
            messages.add(source.endReason().orElseThrow());
            messages.add(source.toString());
            messages.add(ApiKey.of(KEY).toString());
            try {
                new AlphaVantageClient("http://127.0.0.1:" + closedPort + "/query", ApiKey.of(KEY), Duration.ofSeconds(2),
                        Duration.ofSeconds(2)).fetchGlobalQuote("IBM");
            } catch (AlphaVantageException e) {
                messages.add(e.getMessage());
                assertThat(e.getCause()).isNull();
            }
            logged = stderr.text();
        }
        assertThat(AlphaVantageStub.queryParameter(stub.requests().get(0), "apikey")).isEqualTo(KEY);
        assertThat(logged).contains("did not answer").contains("Malformed Alpha Vantage answer").contains("daily limit")
                .doesNotContain(KEY);
        assertThat(messages).hasSize(5).allSatisfy(message -> assertThat(message).doesNotContain(KEY));
    }

    private AlphaVantageSettings settings(List<String> symbols) {
        return AlphaVantageSettings.freeTier(symbols).withBaseUrl(stub.baseUrl());
    }

    private AlphaVantageSource source(AlphaVantageSettings settings) {
        return new AlphaVantageSource(settings, ApiKey.of(KEY), clock, clock.sleeper());
    }

    private static List<StockTick> drain(AlphaVantageSource source) throws InterruptedException {
        List<StockTick> ticks = new ArrayList<>();
        for (Optional<StockTick> next = source.next(); next.isPresent(); next = source.next()) {
            ticks.add(next.get());
        }
        return ticks;
    }
}
