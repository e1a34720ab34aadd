package io.ticklake.dashboard.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticklake.dashboard.api.SymbolParameter;
import io.ticklake.schemas.AlertKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a client's subscription message, e.g.
 * {@code {"action":"subscribe","symbols":["AAPL","*"],"windows":["1m","1h"]}}, or for alerts
 * {@code {"action":"subscribe","channel":"alerts","symbols":["*"],"kinds":["PRICE_CROSS"]}}. An unsubscribe
 * without {@code windows} means every window; an alert subscription without {@code kinds} means every kind.
 * Anything else is a {@link BadSubscriptionException} that names the field and what is accepted.
 */
public final class SubscriptionParser {

    /** Most symbols one message may name. */
    public static final int MAX_SYMBOLS = 1000;
    private static final Set<String> FIELDS = Set.of("action", "channel", "symbols", "windows", "kinds");
    private static final List<String> KINDS = Arrays.stream(AlertKind.values()).map(Enum::name).toList();
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
                throw new BadSubscriptionException(name, "unknown field '" + name + "'; fields are action, channel,"
                        + " symbols, windows (kpis), kinds (alerts)");
            }
        }
        SubscriptionRequest.Channel channel = channel(root.get("channel"));
        SubscriptionRequest.Action action = action(root.get("action"));
        List<String> symbols = symbols(root.get("symbols"));
        String unused = channel == SubscriptionRequest.Channel.KPIS ? "kinds" : "windows";
        if (root.has(unused)) {
            throw new BadSubscriptionException(unused, "'" + unused + "' does not belong to the "
                    + channel.name().toLowerCase(Locale.ROOT) + " channel");
        }
        if (channel == SubscriptionRequest.Channel.ALERTS) {
            JsonNode kindsNode = root.get("kinds");
            return new SubscriptionRequest(channel, action, symbols, kindsNode == null ? KINDS
                    : among("kinds", kindsNode, KINDS, "alert kind"));
        }
        JsonNode windowsNode = root.get("windows");
        List<String> chosen = windowsNode == null && action == SubscriptionRequest.Action.UNSUBSCRIBE ? windows
                : among("windows", windowsNode, windows, "window");
        return new SubscriptionRequest(channel, action, symbols, chosen);
    }

    private static SubscriptionRequest.Channel channel(JsonNode node) {
        if (node == null) {
            return SubscriptionRequest.Channel.KPIS;
        }
        if (!node.isTextual()) {
            throw new BadSubscriptionException("channel", "'channel' must be \"kpis\" (default) or \"alerts\"");
        }
        return switch (node.asText().toLowerCase(Locale.ROOT)) {
            case "kpis" -> SubscriptionRequest.Channel.KPIS;
            case "alerts" -> SubscriptionRequest.Channel.ALERTS;
            default -> throw new BadSubscriptionException("channel", "'channel' must be \"kpis\" (default) or"
                    + " \"alerts\", not \"" + node.asText() + "\"");
        };
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

    private static List<String> among(String field, JsonNode node, List<String> known, String what) {
        List<String> chosen = strings(field, node, field + " among " + String.join(", ", known));
        for (String value : chosen) {
            if (!known.contains(value)) {
                throw new BadSubscriptionException(field, "unknown " + what + " '" + value + "'; " + field + " are "
                        + String.join(", ", known));
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
