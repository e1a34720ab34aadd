package io.ticklake.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.ticklake.schemas.WindowKpi;
import io.ticklake.streams.query.KpiJson;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The OpenAPI schema {@link KpiView} must describe exactly the KPI JSON streams-app writes. */
class KpiViewTest {

    @Test
    void documentsExactlyTheJsonOfKpiJson() throws Exception {
        WindowKpi kpi = WindowKpi.newBuilder().setSymbol("AAPL").setWindow("1m")
                .setWindowStart(Instant.parse("2026-11-20T14:00:00Z"))
                .setWindowEnd(Instant.parse("2026-11-20T14:01:00Z"))
                .setOpen(100.0).setHigh(102.0).setLow(98.0).setClose(101.0).setAvg(100.25).setVwap(101.2).setVolume(100)
                .setTradeCount(4).setStddev(1.479019945774904).setLastEventTime(Instant.parse("2026-11-20T14:00:30Z"))
                .setMa15m(100.25).setMa1h(100.5).build();
        String written = KpiJson.write(kpi);

        try (ApplicationContext context = ApplicationContext.run()) {
            JsonMapper mapper = context.getBean(JsonMapper.class);
            KpiView view = mapper.readValue(written, KpiView.class);

            ObjectMapper tree = new ObjectMapper();
            assertThat(tree.readTree(mapper.writeValueAsString(view))).isEqualTo(tree.readTree(written));
        }
    }
}
