package io.ticklake.simulator.alphavantage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a {@code GLOBAL_QUOTE} answer: a quote ({@code "Global Quote": {"01. symbol": ..., "05. price":
 * ..., "06. volume": ..., "07. latest trading day": ...}}), an empty quote for an unknown symbol, the
 * rate-limit {@code "Note"} / {@code "Information"} bodies, or an {@code "Error Message"}. Every text
 * taken from the body goes through {@link ApiKey#redact}, since the service quotes the key back in
 * some of them.
 */
public final class GlobalQuoteParser {

    static final String GLOBAL_QUOTE = "Global Quote";
    static final String SYMBOL = "01. symbol";
    static final String PRICE = "05. price";
    static final String VOLUME = "06. volume";
    static final String LATEST_TRADING_DAY = "07. latest trading day";
    private static final int SNIPPET = 120;

    private final ObjectMapper mapper = new ObjectMapper();
    private final ApiKey key;

    public GlobalQuoteParser(ApiKey key) {
        this.key = key;
    }

    /**
     * @param symbol the symbol that was asked for (for messages)
     * @param body   the HTTP body
     * @throws MalformedResponseException when the body is not JSON or a quote lacks or garbles a field
     */
    public QuoteResponse parse(String symbol, String body) throws MalformedResponseException {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw malformed(symbol, "not JSON (" + e.getOriginalMessage() + ")", body);
        }
        if (root == null || !root.isObject()) {
            throw malformed(symbol, "not a JSON object", body);
        }
        if (root.has(GLOBAL_QUOTE)) {
            return quote(symbol, root.get(GLOBAL_QUOTE), body);
        }
        for (String field : List.of("Note", "Information")) {
            if (root.has(field)) {
                String text = key.redact(root.get(field).asText());
                if (!isRateLimit(text)) {
                    return new QuoteResponse.ApiError(text);
                }
                return new QuoteResponse.RateLimited(text, isDailyLimit(text));
            }
        }
        if (root.has("Error Message")) {
            return new QuoteResponse.ApiError(key.redact(root.get("Error Message").asText()));
        }
        List<String> fields = new ArrayList<>();
        root.fieldNames().forEachRemaining(fields::add);
        throw malformed(symbol, "unexpected fields " + key.redact(fields.toString()), body);
    }

    private QuoteResponse quote(String symbol, JsonNode node, String body) throws MalformedResponseException {
        if (!node.isObject()) {
            throw malformed(symbol, "\"" + GLOBAL_QUOTE + "\" is not an object", body);
        }
        if (node.isEmpty()) {
            return new QuoteResponse.NoQuote(symbol);
        }
        String quoted = text(symbol, node, SYMBOL, body).toUpperCase(Locale.ROOT);
        String rawPrice = text(symbol, node, PRICE, body);
        String rawVolume = text(symbol, node, VOLUME, body);
        String rawDay = text(symbol, node, LATEST_TRADING_DAY, body);
        try {
            double price = Double.parseDouble(rawPrice);
            long volume = Long.parseLong(rawVolume);
            return new QuoteResponse.Quote(new GlobalQuote(quoted, price, volume, LocalDate.parse(rawDay)));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw malformed(symbol, "a field is not a number or date (" + PRICE + "='" + rawPrice + "', " + VOLUME
                    + "='" + rawVolume + "', " + LATEST_TRADING_DAY + "='" + rawDay + "')", body);
        }
    }

    private String text(String symbol, JsonNode node, String field, String body) throws MalformedResponseException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw malformed(symbol, "the quote has no \"" + field + "\"", body);
        }
        return value.asText().trim();
    }

    /** Rate-limit texts talk about limits, call frequency or request rates; the demo-key notice does not. */
    static boolean isRateLimit(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("limit") || lower.contains("frequency") || lower.contains("per minute")
                || lower.contains("per day") || lower.contains("per second");
    }

    /**
     * The daily allowance is gone when the text talks about requests per day and not about a short-term
     * rate (the per-minute/per-second notes mention the daily limit too, as an upsell).
     */
    static boolean isDailyLimit(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean shortTerm = lower.contains("per minute") || lower.contains("per second")
                || lower.contains("spreading out") || lower.contains("sparingly");
        return !shortTerm && (lower.contains("per day") || lower.contains("daily"));
    }

    private MalformedResponseException malformed(String symbol, String reason, String body) {
        String snippet = body == null ? "" : body.strip();
        if (snippet.length() > SNIPPET) {
            snippet = snippet.substring(0, SNIPPET) + "...";
        }
        return new MalformedResponseException(key.redact("Malformed Alpha Vantage answer for " + symbol + ": "
                + reason + "; the body begins: " + snippet));
    }
}
