package io.ticklake.streams.query;

import io.ticklake.schemas.WindowKpi;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.state.HostInfo;

/**
 * How {@link KpiQueryService} asks another instance for what its local stores hold: the three
 * forwarding calls of the README's HTTP contract. Implementations throw
 * {@link KpiUnavailableException} when the other instance answers "unavailable" or cannot be
 * reached, and {@link IllegalArgumentException} when it rejects the request.
 */
public interface KpiRemoteClient extends AutoCloseable {

    /** {@code GET /kpis/local/latest}: the latest KPI of {@code symbol} held by {@code host}. */
    Optional<WindowKpi> latest(HostInfo host, String symbol, String window, int partition, boolean stale);

    /** {@code GET /kpis/local/range}: KPIs of {@code symbol} whose window starts in [from, to), held by {@code host}. */
    List<WindowKpi> range(HostInfo host, String symbol, String window, Instant from, Instant to, int partition,
                          boolean stale);

    /** {@code GET /kpis/local/all}: the latest KPI of every symbol of {@code partitions}, held by {@code host}. */
    List<WindowKpi> latestAll(HostInfo host, String window, Set<Integer> partitions, boolean stale);

    @Override
    void close();
}
