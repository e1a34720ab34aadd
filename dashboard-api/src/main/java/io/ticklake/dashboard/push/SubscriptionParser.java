package io.ticklake.dashboard.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticklake.dashboard.api.SymbolParameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a client's subscription message, e.g.
 * {@code {"action":"subscribe","symbols":["AAPL","*"],"windows":["1m","1h"]}}. An unsubscribe without
 * {@code windows} means every window. Anything else is a {@link BadSubscriptionException} that names
 * the field and what is accepted.
 */
public final class SubscriptionParser {

    /** Most symbols one message may name. */
    public static final int MAX_SYMBOLS = 1000;
    private static final Set<String> FIELDS = Set.of("action", "symbols", "windows");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<String> windows;

    /** @param windows the window sizes that exist, e.g. {@code 1m, 5m, 15m, 1h} */
    public SubscriptionParser(Collection<String> windows) {
        this.windows = List.copyOf(windows);
    }

    public SubscriptionRequest parse(String message) {
        JsonNode root;
        try {
            root = MAPPER.readTree(message);
        } catch (JsonProcessingException e) {
            throw new BadSubscriptionException(null, "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BadSubscriptionException(null, "a subscription is a JSON object such as "
                    + "{\"action\":\"subscribe\",\"symbols\":[\"AAPL\"],\"windows\":[\"1m\"]}");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new BadSubscriptionException(name, "unknown field '" + name + "'; fields are action, symbols,"
                        + " windows");
            }
        }
        SubscriptionRequest.Action action = action(root.get("action"));
        List<String> symbols = symbols(root.get("symbols"));
        JsonNode windowsNode = root.get("windows");
        List<String> chosen = windowsNode == null && action == SubscriptionRequest.Action.UNSUBSCRIBE ? windows
                : windows(windowsNode);
        return new SubscriptionRequest(action, symbols, chosen);
    }

    private static SubscriptionRequest.Action action(JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw new BadSubscriptionException("action", "'action' is required: \"subscribe\" or \"unsubscribe\"");
        }
        return switch (node.asText().toLowerCase(Locale.ROOT)) {
            case "subscribe" -> SubscriptionRequest.Action.SUBSCRIBE;
            case "unsubscribe" -> SubscriptionRequest.Action.UNSUBSCRIBE;
            default -> throw new BadSubscriptionException("action", "'action' must be \"subscribe\" or"
                    + " \"unsubscribe\", not \"" + node.asText() + "\"");
        };
    }

    private static List<String> symbols(JsonNode node) {
        List<String> symbols = strings("symbols", node, "symbols such as [\"AAPL\"] or [\"*\"] for all");
        if (symbols.size() > MAX_SYMBOLS) {
            throw new BadSubscriptionException("symbols", "at most " + MAX_SYMBOLS + " symbols per message, not "
                    + symbols.size());
        }
        for (String symbol : symbols) {
            if (!symbol.equals(Subscription.ALL_SYMBOLS) && !SymbolParameter.isValid(symbol)) {
                throw new BadSubscriptionException("symbols", "'" + symbol + "' is not a symbol: 1 to 12 of A-Z,"
                        + " 0-9, '.', '-', or \"*\" for all");
            }
        }
        return symbols;
    }

    private List<String> windows(JsonNode node) {
        List<String> chosen = strings("windows", node, "window sizes among " + String.join(", ", windows));
        for (String window : chosen) {
            if (!windows.contains(window)) {
                throw new BadSubscriptionException("windows", "unknown window '" + window + "'; windows are "
                        + String.join(", ", windows));
            }
        }
        return chosen;
    }

    private static List<String> strings(String field, JsonNode node, String expected) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new BadSubscriptionException(field, "'" + field + "' must be a non-empty array of " + expected);
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw new BadSubscriptionException(field, "'" + field + "' must hold strings only, not " + element);
            }
            values.add(element.asText());
        }
        return new ArrayList<>(values);
    }
}
