package io.ticklake.dashboard.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticklake.dashboard.api.BadParameterException;
import io.ticklake.schemas.AlertDirection;
import io.ticklake.schemas.AlertKind;
import io.ticklake.schemas.AlertRule;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AvroJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static AlertRule read(String json) throws Exception {
        return AvroJson.read(MAPPER.readTree(json), AvroJson.withDefaults(new AlertRule()), Set.of("updated_at"));
    }

    @Test
    void readsARuleOverTheContractsDefaults() throws Exception {
        AlertRule rule = read("{\"rule_id\":\"r1\",\"symbol\":\"ACME\",\"kind\":\"VOLUME_SPIKE\",\"window\":\"5m\","
                + "\"k\":3,\"lookback_windows\":12,\"direction\":null}");

        assertThat(rule.getKind()).isEqualTo(AlertKind.VOLUME_SPIKE);
        assertThat(rule.getK()).isEqualTo(3.0);
        assertThat(rule.getLookbackWindows()).isEqualTo(12);
        assertThat(rule.getDirection()).isNull();
        assertThat(rule.getCooldownMs()).as("default").isEqualTo(60_000L);
        assertThat(rule.getEnabled()).as("default").isTrue();
        assertThat(rule.getLevel()).isNull();
    }

    @Test
    void writesUnionsAsTheirValueEnumsAsNamesAndTimesAsInstants() {
        AlertRule rule = AlertRule.newBuilder().setRuleId("r1").setSymbol("*").setKind(AlertKind.PRICE_CROSS)
                .setDirection(AlertDirection.UP).setLevel(100.5).setUpdatedAt(Instant.parse("2026-12-06T07:00:00Z"))
                .build();

        Map<String, Object> json = AvroJson.write(rule);

        assertThat(json).containsEntry("kind", "PRICE_CROSS").containsEntry("direction", "UP")
                .containsEntry("level", 100.5).containsEntry("window", null)
                .containsEntry("updated_at", "2026-12-06T07:00:00Z").containsEntry("cooldown_ms", 60_000L);
        assertThat(json.keySet()).startsWith("rule_id", "symbol", "kind");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"levl\":1}|levl|unknown field 'levl'",
            "{\"level\":\"high\"}|level|must be a number",
            "{\"kind\":\"SPIKE\"}|kind|must be one of",
            "{\"lookback_windows\":1.5}|lookback_windows|must be an integer",
            "{\"enabled\":\"yes\"}|enabled|must be true or false",
            "{\"updated_at\":\"2026-12-06T07:00:00Z\"}|updated_at|set by the server",
            "[1]|body|must be a JSON object"})
    void refusesABadFieldNamingIt(String json, String field, String reason) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(BadParameterException.class).hasMessageContaining(reason)
                .extracting(e -> ((BadParameterException) e).parameter()).isEqualTo(field);
    }
}
