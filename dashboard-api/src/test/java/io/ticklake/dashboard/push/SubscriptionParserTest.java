package io.ticklake.dashboard.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubscriptionParserTest {

    private final SubscriptionParser parser = new SubscriptionParser(List.of("1m", "5m", "15m", "1h"));

    @Test
    void readsASubscription() {
        SubscriptionRequest request = parser.parse(
                "{\"action\":\"subscribe\",\"symbols\":[\"AAPL\",\"BRK.B\",\"AAPL\"],\"windows\":[\"1m\",\"1h\"]}");

        assertThat(request.action()).isEqualTo(SubscriptionRequest.Action.SUBSCRIBE);
        assertThat(request.symbols()).containsExactly("AAPL", "BRK.B");
        assertThat(request.scopes()).containsExactly("1m", "1h");
    }

    @Test
    void anUnsubscribeWithoutWindowsMeansEveryWindow() {
        SubscriptionRequest request = parser.parse("{\"action\":\"UNSUBSCRIBE\",\"symbols\":[\"*\"]}");

        assertThat(request.action()).isEqualTo(SubscriptionRequest.Action.UNSUBSCRIBE);
        assertThat(request.scopes()).containsExactly("1m", "5m", "15m", "1h");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"action\":\"subscribe\",\"symbols\":[\"AAPL\"],\"windows\":[\"2m\"]}|windows|unknown window '2m'",
            "{\"action\":\"subscribe\",\"symbols\":[\"AAPL\"]}|windows|'windows' must be a non-empty array",
            "{\"action\":\"subscribe\",\"symbols\":[],\"windows\":[\"1m\"]}|symbols|'symbols' must be a non-empty array",
            "{\"action\":\"subscribe\",\"symbols\":[\"aapl\"],\"windows\":[\"1m\"]}|symbols|'aapl' is not a symbol",
            "{\"action\":\"subscribe\",\"symbols\":[1],\"windows\":[\"1m\"]}|symbols|must hold strings only",
            "{\"action\":\"watch\",\"symbols\":[\"AAPL\"],\"windows\":[\"1m\"]}|action|not \"watch\"",
            "{\"symbols\":[\"AAPL\"],\"windows\":[\"1m\"]}|action|'action' is required",
            "{\"action\":\"subscribe\",\"symbols\":[\"AAPL\"],\"windows\":[\"1m\"],\"depth\":3}|depth|unknown field 'depth'"
    })
    void namesTheFieldOfABadSubscription(String message, String field, String expected) {
        assertThatThrownBy(() -> parser.parse(message)).isInstanceOfSatisfying(BadSubscriptionException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(expected);
        });
    }

    @Test
    void refusesWhatIsNotAJsonObject() {
        assertThatThrownBy(() -> parser.parse("subscribe AAPL")).isInstanceOfSatisfying(BadSubscriptionException.class,
                e -> assertThat(e.getMessage()).startsWith("not JSON"));
        assertThatThrownBy(() -> parser.parse("[\"AAPL\"]")).isInstanceOfSatisfying(BadSubscriptionException.class,
                e -> assertThat(e.getMessage()).contains("JSON object"));
    }

    @Test
    void limitsTheSymbolsOfOneMessage() {
        StringBuilder symbols = new StringBuilder();
        for (int i = 0; i <= SubscriptionParser.MAX_SYMBOLS; i++) {
            symbols.append(i == 0 ? "" : ",").append("\"S").append(i).append('"');
        }
        assertThatThrownBy(() -> parser.parse("{\"action\":\"subscribe\",\"symbols\":[" + symbols
                + "],\"windows\":[\"1m\"]}")).isInstanceOfSatisfying(BadSubscriptionException.class,
                e -> assertThat(e.field()).isEqualTo("symbols"));
    }

    @Test
    void anAlertSubscriptionWithoutKindsMeansEveryKind() {
        SubscriptionRequest request = parser.parse(
                "{\"action\":\"subscribe\",\"channel\":\"alerts\",\"symbols\":[\"*\"]}");

        assertThat(request.channel()).isEqualTo(SubscriptionRequest.Channel.ALERTS);
        assertThat(request.scopes()).containsExactly("PRICE_CROSS", "PERCENT_MOVE", "VOLATILITY_BAND",
                "VOLUME_SPIKE", "STALE_FEED");
        assertThat(parser.parse("{\"action\":\"subscribe\",\"symbols\":[\"A\"],\"windows\":[\"1m\"]}").channel())
                .isEqualTo(SubscriptionRequest.Channel.KPIS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"action\":\"subscribe\",\"channel\":\"alerts\",\"symbols\":[\"A\"],\"kinds\":[\"SPIKE\"]}|kinds|unknown alert kind 'SPIKE'",
            "{\"action\":\"subscribe\",\"channel\":\"alerts\",\"symbols\":[\"A\"],\"windows\":[\"1m\"]}|windows|does not belong to the alerts channel",
            "{\"action\":\"subscribe\",\"symbols\":[\"A\"],\"windows\":[\"1m\"],\"kinds\":[\"STALE_FEED\"]}|kinds|does not belong to the kpis channel",
            "{\"action\":\"subscribe\",\"channel\":\"trades\",\"symbols\":[\"A\"]}|channel|not \"trades\""})
    void refusesABadAlertSubscriptionNamingTheField(String message, String field, String reason) {
        assertThatThrownBy(() -> parser.parse(message)).isInstanceOf(BadSubscriptionException.class)
                .hasMessageContaining(reason).extracting(e -> ((BadSubscriptionException) e).field()).isEqualTo(field);
    }
}
