package io.ticklake.e2e.reference;

import io.ticklake.e2e.kafka.TickRecord;
import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.contract.TickIdentity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Decides, independently of the streams app, what it must do with each input record, from the
 * documented rules: the StockTick contract of DESIGN.md (symbol {@code [A-Z0-9.\-]{1,12}} and equal
 * to the key, finite price above 0, volume of at least 0, event time from 1970 up to the allowed
 * lead over the record's Kafka timestamp) and the late rule of streams-app/README.md (a valid tick whose 1-minute window ended at or
 * before stream time minus grace, stream time being the highest event time of the valid ticks seen
 * before it on its partition), then the duplicate rule (an on-time tick whose (symbol, sequence) was
 * counted before on its partition is dropped). The streams app forgets an identity one minute plus grace
 * after its event time; a copy with the same event time that comes later is late anyway, so this model
 * keeps every identity.
 */
public final class StreamsVerdicts {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9.\\-]{1,12}");
    private static final long MINUTE_MS = 60_000;

    private StreamsVerdicts() {
    }

    /**
     * @param graceMs     {@code ticklake.grace.ms}
     * @param maxFutureMs {@code ticklake.validation.max.future.ms}
     */
    public static List<Classified> classify(List<TickRecord> records, long graceMs, long maxFutureMs) {
        Map<Integer, List<TickRecord>> byPartition = new TreeMap<>();
        records.forEach(r -> byPartition.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(r));
        List<Classified> verdicts = new ArrayList<>();
        for (List<TickRecord> partition : byPartition.values()) {
            partition.sort(Comparator.comparingLong(TickRecord::offset));
            long streamTime = Long.MIN_VALUE;
            Set<String> counted = new HashSet<>();
            for (TickRecord record : partition) {
                String violation = violation(record, maxFutureMs);
                if (violation != null) {
                    verdicts.add(new Classified(record, Verdict.INVALID, violation));
                    continue;
                }
                long windowEnd = Math.floorDiv(record.eventTimeMs(), MINUTE_MS) * MINUTE_MS + MINUTE_MS;
                if (streamTime != Long.MIN_VALUE && windowEnd <= streamTime - graceMs) {
                    verdicts.add(new Classified(record, Verdict.LATE, "window ended " + windowEnd
                            + " <= stream time " + streamTime + " - grace " + graceMs));
                    continue;
                }
                streamTime = Math.max(streamTime, record.eventTimeMs());
                String identity = TickIdentity.key(record.tick());
                if (!counted.add(identity)) {
                    verdicts.add(new Classified(record, Verdict.DUPLICATE, "trade " + identity + " already counted"));
                    continue;
                }
                verdicts.add(new Classified(record, Verdict.ACCEPTED, ""));
            }
        }
        return verdicts;
    }

    /** The records {@link #classify} counts in the KPIs, in their order there. */
    public static List<TickRecord> counted(List<TickRecord> records, long graceMs, long maxFutureMs) {
        return classify(records, graceMs, maxFutureMs).stream().filter(c -> c.verdict() == Verdict.ACCEPTED)
                .map(Classified::record).toList();
    }

    /** The first contract rule the record breaks, or null. */
    static String violation(TickRecord record, long maxFutureMs) {
        StockTick tick = record.tick();
        if (tick.getSymbol() == null || !SYMBOL.matcher(tick.getSymbol()).matches()) {
            return "symbol";
        }
        if (!tick.getSymbol().equals(record.key())) {
            return "key";
        }
        if (!Double.isFinite(tick.getPrice()) || tick.getPrice() <= 0) {
            return "price";
        }
        if (tick.getVolume() < 0) {
            return "volume";
        }
        long eventTime = tick.getEventTime().toEpochMilli();
        if (eventTime < 0 || eventTime > record.timestampMs() + maxFutureMs) {
            return "event_time";
        }
        return null;
    }
}
