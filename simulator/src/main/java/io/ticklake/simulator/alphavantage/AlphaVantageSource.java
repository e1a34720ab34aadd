package io.ticklake.simulator.alphavantage;

import io.ticklake.schemas.StockTick;
import io.ticklake.simulator.tick.SourceNames;
import io.ticklake.simulator.tick.TickSource;
import io.ticklake.simulator.time.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls {@code GLOBAL_QUOTE} for each symbol in turn, as often as the {@link CallBudget} allows, and
 * hands out a tick for every quote that moved. The service's own rate-limit notes are obeyed too:
 * a per-minute note pauses the poller, a daily one ends the day's budget. Malformed answers, HTTP
 * errors and unknown symbols are logged and counted, and polling goes on with the next symbol; an
 * unreachable service is retried with backoff, and after {@value #MAX_TRANSPORT_FAILURES} failures in a
 * row the source ends.
 * When the day's budget is used up the source ends with a message that says so and when the next
 * call is possible (or, if asked, sleeps until then).
 */
public final class AlphaVantageSource implements TickSource {

    private static final Logger LOG = LoggerFactory.getLogger(AlphaVantageSource.class);
    /** Consecutive unanswered calls after which the source gives up. */
    public static final int MAX_TRANSPORT_FAILURES = 8;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final AlphaVantageSettings settings;
    private final AlphaVantageClient client;
    private final GlobalQuoteParser parser;
    private final QuoteTickMapper mapper;
    private final CallBudget budget;
    private final Clock clock;
    private final Sleeper sleeper;
    private final List<String> symbols;
    private final Map<String, Long> counters = new LinkedHashMap<>();
    private int cursor;
    private int transportFailures;
    private String endReason;

    public AlphaVantageSource(AlphaVantageSettings settings, ApiKey key, Clock clock, Sleeper sleeper) {
        this.settings = settings;
        this.client = new AlphaVantageClient(settings.baseUrl(), key, settings.connectTimeout(),
                settings.requestTimeout());
        this.parser = new GlobalQuoteParser(key);
        this.mapper = new QuoteTickMapper(settings.zone(), settings.firstSequence());
        this.budget = new CallBudget(settings.callsPerMinute(), settings.callsPerDay(), settings.zone(), clock);
        this.clock = clock;
        this.sleeper = sleeper;
        this.symbols = settings.symbols().stream().map(s -> s.trim().toUpperCase(Locale.ROOT)).toList();
        for (String counter : List.of("calls", "quotes", "repeated_quotes", "rate_limited", "http_errors",
                "malformed_responses", "api_errors", "no_quote")) {
            counters.put(counter, 0L);
        }
    }

    @Override
    public Optional<StockTick> next() throws InterruptedException {
        while (endReason == null) {
            Duration wait = budget.waitBeforeNextCall();
            if (budget.dayExhausted()) {
                if (!settings.waitForNextDay()) {
                    endReason = budgetUsedUp() + " Stopping; the poller can wait for the next day instead.";
                    LOG.warn(endReason);
                    return Optional.empty();
                }
                LOG.warn("{} Waiting {} for the next day's budget.", budgetUsedUp(), wait);
                sleeper.sleep(wait);
                continue;
            }
            if (!wait.isZero()) {
                sleeper.sleep(wait);
                continue;
            }
            Optional<StockTick> tick = poll(symbols.get(cursor));
            if (tick.isPresent()) {
                return tick;
            }
        }
        return Optional.empty();
    }

    /** One call for {@code symbol}; the tick if it gave one. Moves to the next symbol unless asked to retry. */
    private Optional<StockTick> poll(String symbol) throws InterruptedException {
        AlphaVantageClient.Answer answer;
        try {
            answer = client.fetchGlobalQuote(symbol);
        } catch (AlphaVantageException e) {
            unreachable(e);
            return Optional.empty();
        }
        transportFailures = 0;
        // Only calls the service answered count against its allowance.
        budget.recordCall();
        count("calls");
        if (answer.status() == 429) {
            pauseForRateLimit(symbol, "HTTP 429 Too Many Requests");
            return Optional.empty();
        }
        if (answer.status() != 200) {
            count("http_errors");
            LOG.warn("Alpha Vantage at {} answered HTTP {} for {}", client.describeBaseUrl(), answer.status(), symbol);
            advance();
            return Optional.empty();
        }
        QuoteResponse response;
        try {
            response = parser.parse(symbol, answer.body());
        } catch (MalformedResponseException e) {
            count("malformed_responses");
            LOG.warn("{}", e.getMessage());
            advance();
            return Optional.empty();
        }
        return handle(symbol, response);
    }

    private Optional<StockTick> handle(String symbol, QuoteResponse response) throws InterruptedException {
        if (response instanceof QuoteResponse.Quote quote) {
            advance();
            count("quotes");
            Optional<StockTick> tick = mapper.map(quote.quote(), clock.instant());
            if (tick.isEmpty()) {
                count("repeated_quotes");
                LOG.debug("Skipping a repeated quote of {}", symbol);
            }
            return tick;
        }
        if (response instanceof QuoteResponse.RateLimited limited) {
            if (limited.daily()) {
                count("rate_limited");
                budget.exhaustToday();
                LOG.warn("Alpha Vantage says the daily limit is reached: {}", limited.message());
            } else {
                pauseForRateLimit(symbol, limited.message());
            }
            return Optional.empty();
        }
        if (response instanceof QuoteResponse.ApiError error) {
            count("api_errors");
            if (error.message().toLowerCase(Locale.ROOT).contains("apikey")) {
                endReason = "Alpha Vantage refused the API key: " + error.message();
                LOG.error(endReason);
            } else {
                LOG.warn("Alpha Vantage error for {}: {}", symbol, error.message());
                advance();
            }
            return Optional.empty();
        }
        count("no_quote");
        LOG.warn("Alpha Vantage has no quote for {}", symbol);
        advance();
        return Optional.empty();
    }

    /**
     * The service did not answer: back off (5 s, doubling, at most 5 min) without spending budget, and
     * give up with a clear reason after {@value #MAX_TRANSPORT_FAILURES} failures in a row.
     */
    private void unreachable(AlphaVantageException e) throws InterruptedException {
        count("http_errors");
        transportFailures++;
        if (transportFailures >= MAX_TRANSPORT_FAILURES) {
            endReason = "Alpha Vantage unreachable: " + transportFailures + " calls in a row failed; the last: "
                    + e.getMessage();
            LOG.error(endReason);
            return;
        }
        Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(transportFailures - 1, 10));
        backoff = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
        LOG.warn("{}; retrying in {} s", e.getMessage(), backoff.toSeconds());
        sleeper.sleep(backoff);
    }

    /** The service asked to slow down: pause, then retry the same symbol. */
    private void pauseForRateLimit(String symbol, String message) throws InterruptedException {
        count("rate_limited");
        LOG.warn("Alpha Vantage rate limit while polling {}; pausing {}: {}", symbol, settings.rateLimitPause(),
                message);
        sleeper.sleep(settings.rateLimitPause());
    }

    private String budgetUsedUp() {
        return "Alpha Vantage budget used up: " + budget.usedToday() + " of " + budget.perDay() + " calls today ("
                + budget.zone() + "); the next call is possible at "
                + budget.nextDayStart(clock.instant()).atZone(budget.zone()).toOffsetDateTime() + ".";
    }

    private void advance() {
        cursor = (cursor + 1) % symbols.size();
    }

    private void count(String counter) {
        counters.merge(counter, 1L, Long::sum);
    }

    @Override
    public String name() {
        return SourceNames.ALPHA_VANTAGE;
    }

    @Override
    public Map<String, Long> counters() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(counters));
    }

    @Override
    public Optional<String> endReason() {
        return Optional.ofNullable(endReason);
    }
}
