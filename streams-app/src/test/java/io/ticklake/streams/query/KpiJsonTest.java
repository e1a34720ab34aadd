package io.ticklake.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.schemas.WindowKpi;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiJsonTest {

    static WindowKpi kpi(String symbol, Double ma15m) {
        return WindowKpi.newBuilder().setSymbol(symbol).setWindow("1m")
                .setWindowStart(Instant.parse("2026-11-20T14:00:00Z")).setWindowEnd(Instant.parse("2026-11-20T14:01:00Z"))
                .setOpen(1.5).setHigh(2.25).setLow(1.0).setClose(2.0).setAvg(1.75).setVwap(1.8).setVolume(42)
                .setTradeCount(3).setStddev(0.5).setLastEventTime(Instant.parse("2026-11-20T14:00:59.123Z"))
                .setMa15m(ma15m).setMa1h(null).build();
    }

    @Test
    void roundTripsEveryFieldWithSnakeCaseNames() {
        WindowKpi kpi = kpi("AAPL", 1.7);
        String json = KpiJson.write(kpi);
        assertThat(json).contains("\"window_start\":\"2026-11-20T14:00:00Z\"", "\"trade_count\":3",
                "\"last_event_time\":\"2026-11-20T14:00:59.123Z\"", "\"ma_1h\":null", "\"ma_15m\":1.7");
        assertThat(KpiJson.readOne(json)).isEqualTo(kpi);
        List<WindowKpi> list = List.of(kpi, kpi("MSFT", null));
        assertThat(KpiJson.readList(KpiJson.write(list))).isEqualTo(list);
    }

    @Test
    void errorBodiesCarryTheMessage() {
        assertThat(KpiJson.errorMessage(KpiJson.error("rebalancing; retry", 1000L))).isEqualTo("rebalancing; retry");
        assertThat(KpiJson.error("x", 1000L)).contains("\"retry_after_ms\":1000");
    }
}
