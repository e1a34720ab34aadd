package io.ticklake.dashboard.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The server's non-KPI frames on {@code /ws/kpis}: {@code subscribed} (the session's whole
 * subscription of a channel after a change), {@code alert} (one alert), {@code error} (a message that was refused; the session stays open)
 * and {@code heartbeat}. KPI updates go out as {@code {"type":"kpis","dropped":n,"kpis":[...]}}.
 */
public final class ControlFrames {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ControlFrames() {
    }

    /** The whole subscription of {@code channel}: window (kpis) or alert kind (alerts) to symbols. */
    public static String subscribed(SubscriptionRequest.Channel channel, Subscription subscription) {
        ObjectNode frame = MAPPER.createObjectNode().put("type", "subscribed")
                .put("channel", channel.name().toLowerCase(Locale.ROOT));
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

    /**
     * {@code {"type":"alert","provisional":false,"alert":{...}}}: one alert, its fields as the REST API shows them;
     * {@code provisional} when it was handed over before its transaction committed (it may be taken back),
     * otherwise read committed from the alerts topic (confirmed).
     */
    public static String alert(Map<String, Object> alert, boolean provisional) {
        ObjectNode frame = MAPPER.createObjectNode().put("type", "alert").put("provisional", provisional);
        frame.set("alert", MAPPER.valueToTree(alert));
        return frame.toString();
    }

    public static String heartbeat(Instant now) {
        return MAPPER.createObjectNode().put("type", "heartbeat").put("time", now.toString()).toString();
    }
}
