package io.ticklake.streams.query;

import io.ticklake.schemas.WindowKpi;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The queries the forwarding endpoint answers: the routed ones a user calls and the {@code local*}
 * ones other instances call. {@link KpiQueryService} is the implementation; the interface lets the
 * endpoint's status mapping be tested without a running Kafka Streams.
 */
public interface KpiQueries {

    /** The KPI of the latest window (of size {@code window}) in which {@code symbol} traded. */
    Optional<WindowKpi> latest(String symbol, String window);

    /** KPIs of {@code symbol} for the windows of size {@code window} starting in [from, to), ascending. */
    List<WindowKpi> range(String symbol, String window, Instant from, Instant to);

    /** The latest KPI (window size {@code window}) of every symbol, by symbol, from all instances. */
    List<WindowKpi> latestAll(String window);

    /** The latest KPI of {@code symbol} from this instance's stores only. */
    Optional<WindowKpi> localLatest(String symbol, String window, Integer partition, boolean stale);

    /** A range of {@code symbol}'s KPIs from this instance's stores only. */
    List<WindowKpi> localRange(String symbol, String window, Instant from, Instant to, Integer partition,
                               boolean stale);

    /** The latest KPI of every symbol of {@code partitions} from this instance's stores only. */
    List<WindowKpi> localLatestAll(String window, Set<Integer> partitions, boolean stale);
}
