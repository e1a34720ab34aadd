package io.ticklake.simulator.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ticklake.simulator.inject.InjectionKind;
import io.ticklake.simulator.inject.InjectionSummary;
import io.ticklake.simulator.tick.SinkStats;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The result of a run: what the source gave, what was rejected, what was injected, what the sink
 * sent and the broker acknowledged, and why the run ended.
 *
 * @param source       the source's name
 * @param startedAt    when the run started
 * @param elapsed      how long it ran (until the last tick was flushed)
 * @param generated    ticks taken from the source
 * @param rejected     source ticks that broke the contract and were not sent
 * @param sink         sent / acknowledged / failed counts
 * @param injection    what the test-data mode injected
 * @param counters     the source's own counters (skipped lines, repeated quotes, ...)
 * @param endedBy      why the run ended: "count", "duration", "source", "stopped" or "error"
 * @param endReason    the source's reason for ending early, or null
 */
public record RunSummary(String source, Instant startedAt, Duration elapsed, long generated, long rejected,
                         SinkStats sink, InjectionSummary injection, Map<String, Long> counters, String endedBy,
                         String endReason) {

    /** Acknowledged ticks per second over the run. */
    public double ackedPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? sink.acked() / seconds : 0;
    }

    /** True when every tick handed to the sink was acknowledged. */
    public boolean complete() {
        return sink.failed() == 0 && sink.acked() == sink.sent();
    }

    /** A few human-readable lines. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Summary: source=%s ended-by=%s elapsed=%.1fs ticks=%d sent=%d acked=%d"
                        + " failed=%d rate=%.0f/s%n", source, endedBy, elapsed.toMillis() / 1000.0, generated,
                sink.sent(), sink.acked(), sink.failed(), ackedPerSecond()));
        text.append(String.format(Locale.ROOT, "  rejected (invalid from source): %d%n", rejected));
        text.append(String.format(Locale.ROOT, "  injected: late=%d out-of-order=%d duplicates=%d invalid=%d%n",
                injection.count(InjectionKind.LATE), injection.count(InjectionKind.OUT_OF_ORDER),
                injection.count(InjectionKind.DUPLICATE), injection.count(InjectionKind.INVALID)));
        if (!counters.isEmpty()) {
            text.append("  source: ");
            counters.forEach((name, value) -> text.append(name).append('=').append(value).append(' '));
            text.setLength(text.length() - 1);
            text.append(System.lineSeparator());
        }
        if (sink.firstError() != null) {
            text.append("  first error: ").append(sink.firstError()).append(System.lineSeparator());
        }
        if (endReason != null) {
            text.append("  source ended: ").append(endReason).append(System.lineSeparator());
        }
        return text.toString();
    }

    /** The summary as JSON (for scripts and end-to-end tests that run the CLI). */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source", source);
        json.put("started_at", startedAt.toString());
        json.put("elapsed_ms", elapsed.toMillis());
        json.put("ended_by", endedBy);
        json.put("end_reason", endReason);
        json.put("generated", generated);
        json.put("rejected_invalid", rejected);
        json.put("sent", sink.sent());
        json.put("acked", sink.acked());
        json.put("failed", sink.failed());
        json.put("first_error", sink.firstError());
        json.put("acked_per_second", Math.round(ackedPerSecond()));
        Map<String, Object> injected = new LinkedHashMap<>();
        injection.counts().forEach((kind, count) -> injected.put(kind.name().toLowerCase(Locale.ROOT), count));
        json.put("injected", injected);
        json.put("injected_ticks", injection.injected().stream().map(t -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", t.kind().name());
            row.put("detail", t.detail());
            row.put("symbol", t.symbol());
            row.put("sequence", t.sequence());
            row.put("event_time", t.eventTime().toString());
            return row;
        }).toList());
        json.put("source_counters", counters);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the summary as JSON", e);
        }
    }
}
