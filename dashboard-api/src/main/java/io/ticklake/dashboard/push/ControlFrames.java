package io.ticklake.dashboard.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The server's non-KPI frames on {@code /ws/kpis}: {@code subscribed} (the session's whole
 * subscription after a change), {@code error} (a message that was refused; the session stays open)
 * and {@code heartbeat}. KPI updates go out as {@code {"type":"kpis","dropped":n,"kpis":[...]}}.
 */
public final class ControlFrames {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ControlFrames() {
    }

    public static String subscribed(Subscription subscription) {
        ObjectNode frame = MAPPER.createObjectNode().put("type", "subscribed");
        ObjectNode windows = frame.putObject("subscription");
        for (Map.Entry<String, Set<String>> entry : subscription.asMap().entrySet()) {
            entry.getValue().forEach(windows.putArray(entry.getKey())::add);
        }
        return frame.toString();
    }

    public static String error(String message, String field) {
        ObjectNode frame = MAPPER.createObjectNode().put("type", "error").put("error", message);
        if (field != null) {
            frame.put("field", field);
        }
        return frame.toString();
    }

    public static String heartbeat(Instant now) {
        return MAPPER.createObjectNode().put("type", "heartbeat").put("time", now.toString()).toString();
    }
}
