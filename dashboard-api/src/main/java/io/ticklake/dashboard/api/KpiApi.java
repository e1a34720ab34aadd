package io.ticklake.dashboard.api;

import io.micronaut.core.annotation.Nullable;
import io.ticklake.dashboard.config.ApiProperties;
import io.ticklake.schemas.WindowKpi;
import io.ticklake.streams.host.KpiInstance;
import io.ticklake.streams.kpi.KpiWindow;
import io.ticklake.streams.query.KpiQueryService;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The REST API's queries: checks the parameters (naming the one at fault), resolves the time range,
 * and delegates to the hosted instance's query service, which answers from this instance's stores or
 * forwards to the instance that owns the symbol. The KPIs are returned as they are; the controller
 * writes them as streams-app's KPI JSON.
 */
@Singleton
public class KpiApi {

    public static final String DEFAULT_WINDOW = "1m";

    private final KpiInstance instance;
    private final ApiProperties limits;
    private final Clock clock = Clock.systemUTC();

    public KpiApi(KpiInstance instance, ApiProperties limits) {
        this.instance = instance;
        this.limits = limits;
    }

    /** Every symbol with a tick within the KPI history, with its last price and time, by symbol. */
    public List<SymbolView> symbols() {
        return call(() -> instance.queries().latestAll(KpiWindow.ONE_MINUTE.label())).stream()
                .map(SymbolView::of).toList();
    }

    /** The KPIs of {@code symbol} whose window starts in the range; 404 when the symbol is unknown. */
    public List<WindowKpi> range(String symbol, @Nullable String window, @Nullable String from, @Nullable String to) {
        String checkedSymbol = SymbolParameter.check(symbol);
        KpiWindow size = window(window);
        TimeRange range = TimeRange.resolve(from, to, size.sizeMs(), limits.getDefaultRangeWindows(),
                limits.getMaxRangeWindows(), clock);
        KpiQueryService queries = instance.queries();
        List<WindowKpi> kpis = call(() -> queries.range(checkedSymbol, size.label(), range.from(), range.to()));
        if (kpis.isEmpty() && call(() -> queries.latest(checkedSymbol, KpiWindow.ONE_MINUTE.label())).isEmpty()) {
            throw new UnknownSymbolException(checkedSymbol);
        }
        return kpis;
    }

    /**
     * Applies the public range cap to a range query of the forwarding paths, which another instance or a
     * caller of {@code /kpis/range} sends with {@code window}, {@code from} and {@code to}: more than
     * {@code max-range-windows} windows is a 400 naming {@code from}. Missing or unparsable parameters are
     * left to the forwarding endpoint, which names them.
     */
    public void checkForwardedRange(@Nullable String window, @Nullable String from, @Nullable String to) {
        if (window == null || from == null || to == null || from.isBlank() || to.isBlank()) {
            return;
        }
        KpiWindow size;
        try {
            size = KpiWindow.parse(window);
            Instant.parse(from);
            Instant.parse(to);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return;
        }
        TimeRange.resolve(from, to, size.sizeMs(), limits.getDefaultRangeWindows(), limits.getMaxRangeWindows(),
                clock);
    }

    /** The latest KPI of {@code symbol}; 404 when the symbol is unknown. */
    public WindowKpi latest(String symbol, @Nullable String window) {
        String checkedSymbol = SymbolParameter.check(symbol);
        KpiWindow size = window(window);
        Optional<WindowKpi> latest = call(() -> instance.queries().latest(checkedSymbol, size.label()));
        return latest.orElseThrow(() -> new UnknownSymbolException(checkedSymbol));
    }

    /** The latest KPI of every symbol, by symbol. */
    public List<WindowKpi> latestAll(@Nullable String window) {
        KpiWindow size = window(window);
        return call(() -> instance.queries().latestAll(size.label()));
    }

    private KpiWindow window(@Nullable String label) {
        if (label == null || label.isBlank()) {
            return KpiWindow.parse(DEFAULT_WINDOW);
        }
        KpiWindow window = null;
        try {
            window = KpiWindow.parse(label);
        } catch (IllegalArgumentException e) {
            // reported below with the windows that exist
        }
        if (window == null || !instance.windows().contains(window.label())) {
            throw new BadParameterException("window", "query parameter 'window' must be one of "
                    + String.join(", ", instance.windows()) + ", not '" + label + "'");
        }
        return window;
    }

    /** A request another instance rejected (400 on the forwarding path) is this request's fault too. */
    private static <T> T call(Supplier<T> query) {
        try {
            return query.get();
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(null, e.getMessage());
        }
    }
}
