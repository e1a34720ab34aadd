package io.ticklake.simulator.alphavantage;

/** What a {@code GLOBAL_QUOTE} call answered. */
public sealed interface QuoteResponse {

    /** A quote. */
    record Quote(GlobalQuote quote) implements QuoteResponse {
    }

    /**
     * The rate limit's {@code "Note"} or {@code "Information"} body.
     *
     * @param message the service's text, key redacted
     * @param daily   whether the daily allowance is gone (else the per-minute one)
     */
    record RateLimited(String message, boolean daily) implements QuoteResponse {
    }

    /** An {@code "Error Message"} body (e.g. an unknown function or symbol), key redacted. */
    record ApiError(String message) implements QuoteResponse {
    }

    /** An empty {@code "Global Quote": {}}: the service knows no quote for the symbol. */
    record NoQuote(String symbol) implements QuoteResponse {
    }
}
