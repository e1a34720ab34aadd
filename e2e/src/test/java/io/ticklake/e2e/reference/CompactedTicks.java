package io.ticklake.e2e.reference;

import io.ticklake.e2e.kafka.TickRecord;
import io.ticklake.schemas.contract.TickIdentity;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which landed ticks the compacted table keeps, from the compaction rule of spark-jobs/README.md: within an
 * hour of event time a trade (symbol, sequence) is kept once, the copy with the earliest event time and
 * then the lowest Kafka coordinates. Copies in different hours both stay.
 */
public final class CompactedTicks {

    private static final long HOUR_MS = 3_600_000;
    private static final Comparator<TickRecord> TICK_ORDER = Comparator.comparingLong(TickRecord::eventTimeMs)
            .thenComparing(TickRecord::coordinates);

    private CompactedTicks() {
    }

    /** The ticks of {@code landed} (each record once) that the compacted table holds, in tick order. */
    public static List<TickRecord> kept(List<TickRecord> landed) {
        Map<String, TickRecord> first = new LinkedHashMap<>();
        landed.stream().sorted(TICK_ORDER).forEach(record -> first.putIfAbsent(
                Math.floorDiv(record.eventTimeMs(), HOUR_MS) + "/" + TickIdentity.key(record.tick()), record));
        return List.copyOf(first.values());
    }
}
