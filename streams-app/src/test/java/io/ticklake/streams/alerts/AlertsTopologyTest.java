package io.ticklake.streams.alerts;

import static io.ticklake.streams.testing.Ticks.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ticklake.schemas.Alert;
import io.ticklake.schemas.AlertDirection;
import io.ticklake.schemas.AlertKind;
import io.ticklake.schemas.AlertRule;
import io.ticklake.schemas.StockTick;
import io.ticklake.streams.KpiTopology;
import io.ticklake.streams.StreamsAppConfig;
import io.ticklake.streams.testing.TopologyDriverFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The alert rules evaluated by the production topology: each kind fires at the tick that meets its condition and
 * not before, once per cool-down; rule changes, deletions and {@code *} rules; stale feeds by wall clock.
 */
class AlertsTopologyTest {

    static final Instant T0 = Instant.parse("2026-11-20T14:00:00Z");
    static final Instant WALL_CLOCK = T0.plus(Duration.ofHours(2));

    private TopologyDriverFixture fixture;
    private TestInputTopic<String, StockTick> ticks;
    private TestInputTopic<String, AlertRule> rules;
    private TestOutputTopic<String, Alert> alerts;
    private long sequence;

    @BeforeEach
    void start() throws Exception {
        fixture = new TopologyDriverFixture(Map.of(), WALL_CLOCK);
        ticks = fixture.ticks();
        rules = fixture.alertRules();
        alerts = fixture.alerts();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private static AlertRule.Builder rule(String id, String symbol, AlertKind kind) {
        return AlertRule.newBuilder().setRuleId(id).setSymbol(symbol).setKind(kind).setUpdatedAt(T0);
    }

    private void put(AlertRule rule) {
        rules.pipeInput(rule.getRuleId(), rule);
    }

    /** Pipes one tick at {@code T0 + offset}; returns the alerts it caused. */
    private List<Alert> tickAt(String symbol, double price, long volume, Duration offset) {
        ticks.pipeInput(symbol, tick(symbol, price, volume, T0.plus(offset), ++sequence));
        return alerts.readValuesToList();
    }

    private List<Alert> tickAt(String symbol, double price, Duration offset) {
        return tickAt(symbol, price, 1, offset);
    }

    private static Duration s(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    @Test
    void priceCrossFiresAtTheCrossingTickOnlyAndOncePerCooldown() {
        put(rule("up-100", "AAPL", AlertKind.PRICE_CROSS).setLevel(100.0).setDirection(AlertDirection.UP)
                .setCooldownMs(60_000L).build());

        assertThat(tickAt("AAPL", 98.0, s(0))).as("first tick: no previous price").isEmpty();
        assertThat(tickAt("AAPL", 99.5, s(1))).as("below the level").isEmpty();
        List<Alert> crossed = tickAt("AAPL", 100.5, s(2));
        assertThat(crossed).singleElement().satisfies(alert -> {
            assertThat(alert.getRuleId()).isEqualTo("up-100");
            assertThat(alert.getSymbol()).isEqualTo("AAPL");
            assertThat(alert.getKind()).isEqualTo(AlertKind.PRICE_CROSS);
            assertThat(alert.getEventTime()).isEqualTo(T0.plus(s(2)));
            assertThat(alert.getPrice()).isEqualTo(100.5);
            assertThat(alert.getThreshold()).isEqualTo(100.0);
            assertThat(alert.getReference()).isEqualTo(99.5);
            assertThat(alert.getWindow()).isNull();
            assertThat(alert.getMessage()).contains("AAPL crossed 100 upward");
            assertThat(alert.getFiredAt()).isEqualTo(WALL_CLOCK);
        });
        assertThat(tickAt("AAPL", 101.0, s(3))).as("still above: no crossing").isEmpty();
        assertThat(tickAt("AAPL", 99.0, s(4))).as("crossing down is not wanted").isEmpty();
        assertThat(tickAt("AAPL", 101.0, s(5))).as("crossing up again within the cool-down").isEmpty();
        assertThat(tickAt("AAPL", 99.0, s(61))).isEmpty();
        assertThat(tickAt("AAPL", 100.0, s(62))).as("reaching the level after the cool-down")
                .extracting(Alert::getEventTime).containsExactly(T0.plus(s(62)));
    }

    @Test
    void priceCrossEitherWayAndDownOnly() {
        put(rule("either", "AAPL", AlertKind.PRICE_CROSS).setLevel(50.0).setCooldownMs(0L).build());
        put(rule("down", "AAPL", AlertKind.PRICE_CROSS).setLevel(50.0).setDirection(AlertDirection.DOWN)
                .setCooldownMs(0L).build());

        tickAt("AAPL", 49.0, s(0));
        assertThat(tickAt("AAPL", 51.0, s(1))).extracting(Alert::getRuleId).containsExactly("either");
        assertThat(tickAt("AAPL", 50.0, s(2))).as("touching from above is a crossing down")
                .extracting(Alert::getRuleId).containsExactlyInAnyOrder("either", "down");
        assertThat(tickAt("AAPL", 50.0, s(3))).as("staying on the level").isEmpty();
    }

    @Test
    void aLateTickIsNotTheCurrentPriceAndFiresNothing() {
        put(rule("cross", "AAPL", AlertKind.PRICE_CROSS).setLevel(100.0).setCooldownMs(0L).build());
        tickAt("AAPL", 99.0, s(10));

        assertThat(tickAt("AAPL", 101.0, s(5))).as("older event time than the newest tick").isEmpty();
        assertThat(tickAt("AAPL", 101.0, s(11))).as("the newest tick crosses from 99")
                .extracting(Alert::getReference).containsExactly(99.0);
    }

    @Test
    void percentMoveFiresWhenTheWindowsMoveReachesTheThreshold() {
        put(rule("move", "MSFT", AlertKind.PERCENT_MOVE).setWindow("5m").setLevel(2.0)
                .setDirection(AlertDirection.UP).setCooldownMs(Duration.ofMinutes(5).toMillis()).build());

        assertThat(tickAt("MSFT", 100.0, s(0))).isEmpty();
        assertThat(tickAt("MSFT", 101.0, s(60))).isEmpty();
        assertThat(tickAt("MSFT", 101.9, s(120))).as("1.9 %").isEmpty();
        List<Alert> fired = tickAt("MSFT", 102.5, s(180));
        assertThat(fired).singleElement().satisfies(alert -> {
            assertThat(alert.getWindow()).isEqualTo("5m");
            assertThat(alert.getWindowStart()).isEqualTo(T0);
            assertThat(alert.getReference()).isCloseTo(2.5, within(1e-9));
            assertThat(alert.getThreshold()).isEqualTo(2.0);
            assertThat(alert.getPrice()).isEqualTo(102.5);
        });
        assertThat(tickAt("MSFT", 103.0, s(240))).as("within the cool-down").isEmpty();
        assertThat(tickAt("MSFT", 103.0, s(300))).as("a new window opens at 103: no move").isEmpty();
        assertThat(tickAt("MSFT", 106.0, s(360))).as("2.9 % but within the cool-down").isEmpty();
        assertThat(tickAt("MSFT", 101.0, s(470))).as("down 1.9 %, and down is not wanted").isEmpty();
        assertThat(tickAt("MSFT", 106.5, s(480))).as("3.4 % after the cool-down")
                .extracting(Alert::getWindowStart).containsExactly(T0.plus(s(300)));
    }

    @Test
    void volatilityBandUsesThePreviousWindowsMeanAndStddev() {
        put(rule("band", "AAPL", AlertKind.VOLATILITY_BAND).setWindow("1m").setK(2.0).setCooldownMs(0L).build());

        // first window: 100, 102, 98, 100 -> mean 100, population stddev sqrt(2); nothing before it to judge by
        assertThat(tickAt("AAPL", 100.0, s(0))).isEmpty();
        assertThat(tickAt("AAPL", 102.0, s(10))).isEmpty();
        assertThat(tickAt("AAPL", 98.0, s(20))).isEmpty();
        assertThat(tickAt("AAPL", 100.0, s(30))).isEmpty();
        // band 100 ± 2·sqrt(2) = [97.17, 102.83]
        assertThat(tickAt("AAPL", 102.0, s(60))).isEmpty();
        assertThat(tickAt("AAPL", 102.8, s(70))).as("just inside").isEmpty();
        List<Alert> fired = tickAt("AAPL", 102.9, s(80));
        assertThat(fired).singleElement().satisfies(alert -> {
            assertThat(alert.getThreshold()).isCloseTo(100 + 2 * Math.sqrt(2), within(1e-9));
            assertThat(alert.getReference()).isCloseTo(100.0, within(1e-9));
            assertThat(alert.getWindowStart()).isEqualTo(T0);
            assertThat(alert.getMessage()).contains("above");
        });
        assertThat(tickAt("AAPL", 97.1, s(90))).as("below the band")
                .extracting(Alert::getThreshold).singleElement()
                .satisfies(edge -> assertThat(edge).isCloseTo(100 - 2 * Math.sqrt(2), within(1e-9)));
    }

    @Test
    void volumeSpikeNeedsTheLookbackAndFiresAboveKTimesTheMean() {
        put(rule("spike", "AAPL", AlertKind.VOLUME_SPIKE).setWindow("1m").setK(3.0).setLookbackWindows(3)
                .setCooldownMs(0L).build());

        assertThat(tickAt("AAPL", 10.0, 100, s(0))).isEmpty();
        assertThat(tickAt("AAPL", 10.0, 500, s(60))).as("5 x, but one completed window only").isEmpty();
        assertThat(tickAt("AAPL", 10.0, 300, s(120))).as("two completed windows only").isEmpty();
        // completed: 100, 500, 300 -> mean 300, threshold 900
        assertThat(tickAt("AAPL", 10.0, 500, s(180))).isEmpty();
        assertThat(tickAt("AAPL", 10.0, 400, s(190))).as("900 is not above 900").isEmpty();
        List<Alert> fired = tickAt("AAPL", 10.0, 1, s(200));
        assertThat(fired).singleElement().satisfies(alert -> {
            assertThat(alert.getReference()).isEqualTo(901.0);
            assertThat(alert.getThreshold()).isCloseTo(900.0, within(1e-9));
            assertThat(alert.getWindowStart()).isEqualTo(T0.plus(s(180)));
        });
    }

    @Test
    void volumeSpikeCountsWindowsWithoutTicksAsZero() {
        put(rule("spike", "MSFT", AlertKind.VOLUME_SPIKE).setWindow("1m").setK(2.0).setLookbackWindows(3)
                .setCooldownMs(0L).build());

        tickAt("MSFT", 10.0, 300, s(0));
        // no tick in the second minute
        tickAt("MSFT", 10.0, 300, s(120));
        // completed: 300, 0, 300 -> mean 200, threshold 400
        assertThat(tickAt("MSFT", 10.0, 400, s(180))).isEmpty();
        assertThat(tickAt("MSFT", 10.0, 1, s(181))).extracting(Alert::getThreshold).containsExactly(400.0);
    }

    @Test
    void staleFeedFiresByWallClockOncePerQuietSpellForEverySymbolOfAWildcardRule() {
        put(rule("quiet", "*", AlertKind.STALE_FEED).setStaleSeconds(30).build());
        tickAt("AAPL", 10.0, s(0));
        tickAt("MSFT", 20.0, s(0));

        fixture.driver().advanceWallClockTime(Duration.ofSeconds(29));
        assertThat(alerts.readValuesToList()).as("29 s quiet").isEmpty();
        fixture.driver().advanceWallClockTime(Duration.ofSeconds(1));
        List<Alert> fired = alerts.readValuesToList();
        assertThat(fired).extracting(Alert::getSymbol).containsExactlyInAnyOrder("AAPL", "MSFT");
        assertThat(fired).allSatisfy(alert -> {
            assertThat(alert.getKind()).isEqualTo(AlertKind.STALE_FEED);
            assertThat(alert.getEventTime()).isEqualTo(WALL_CLOCK.plusSeconds(30));
            assertThat(alert.getThreshold()).isEqualTo(30.0);
            assertThat(alert.getReference()).isEqualTo(30.0);
        });
        fixture.driver().advanceWallClockTime(Duration.ofSeconds(60));
        assertThat(alerts.readValuesToList()).as("the same quiet spell").isEmpty();

        // AAPL ticks again at wall +90 s and goes quiet: fires again 30 s later (cool-down of 60 s passed)
        tickAt("AAPL", 10.0, s(1));
        fixture.driver().advanceWallClockTime(Duration.ofSeconds(30));
        assertThat(alerts.readValuesToList()).extracting(Alert::getSymbol).containsExactly("AAPL");
    }

    @Test
    void aRuleUpdateChangesTheNextDecision() {
        put(rule("cross", "AAPL", AlertKind.PRICE_CROSS).setLevel(100.0).setCooldownMs(0L).build());
        tickAt("AAPL", 99.0, s(0));
        assertThat(tickAt("AAPL", 99.5, s(1))).isEmpty();

        put(rule("cross", "AAPL", AlertKind.PRICE_CROSS).setLevel(99.7).setCooldownMs(0L).build());
        assertThat(tickAt("AAPL", 99.8, s(2))).as("crosses the new level, not the old one")
                .extracting(Alert::getThreshold).containsExactly(99.7);

        put(rule("cross", "AAPL", AlertKind.PRICE_CROSS).setLevel(99.7).setCooldownMs(0L).setEnabled(false).build());
        assertThat(tickAt("AAPL", 99.0, s(3))).as("disabled").isEmpty();
    }

    @Test
    void aDeletedRuleStopsFiringAndItsCooldownIsSwept() {
        put(rule("cross", "AAPL", AlertKind.PRICE_CROSS).setLevel(100.0).setCooldownMs(0L).build());
        tickAt("AAPL", 99.0, s(0));
        assertThat(tickAt("AAPL", 101.0, s(1))).hasSize(1);
        assertThat(fixture.driver().getKeyValueStore(AlertTopology.LAST_FIRED_STORE).get("AAPL|cross"))
                .isEqualTo(T0.plus(s(1)).toEpochMilli());

        rules.pipeInput("cross", (AlertRule) null);
        assertThat(tickAt("AAPL", 99.0, s(2))).isEmpty();
        assertThat(tickAt("AAPL", 101.0, s(3))).as("deleted").isEmpty();

        fixture.driver().advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(fixture.driver().getKeyValueStore(AlertTopology.LAST_FIRED_STORE).get("AAPL|cross"))
                .as("swept after the rule change").isNull();
    }

    @Test
    void aWildcardRuleAppliesToEverySymbolWithACooldownEach() {
        put(rule("any", "*", AlertKind.PRICE_CROSS).setLevel(100.0).setCooldownMs(60_000L).build());
        tickAt("AAPL", 99.0, s(0));
        tickAt("MSFT", 99.0, s(0));

        assertThat(tickAt("AAPL", 101.0, s(1))).extracting(Alert::getSymbol).containsExactly("AAPL");
        assertThat(tickAt("MSFT", 101.0, s(2))).as("AAPL's cool-down is not MSFT's")
                .extracting(Alert::getSymbol).containsExactly("MSFT");
        tickAt("AAPL", 99.0, s(3));
        assertThat(tickAt("AAPL", 101.0, s(4))).isEmpty();
    }

    @Test
    void alertsAreKeyedBySymbolAndAnInvalidRuleIsIgnored() {
        put(rule("bad", "AAPL", AlertKind.PERCENT_MOVE).setLevel(1.0).setWindow("2m").setCooldownMs(0L).build());
        put(rule("good", "AAPL", AlertKind.PRICE_CROSS).setLevel(100.0).setCooldownMs(0L).build());
        ticks.pipeInput("AAPL", tick("AAPL", 99.0, 1, T0, 1));
        ticks.pipeInput("AAPL", tick("AAPL", 120.0, 1, T0.plusSeconds(1), 2));

        List<KeyValue<String, Alert>> out = alerts.readKeyValuesToList();
        assertThat(out).extracting(kv -> kv.key, kv -> kv.value.getRuleId())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AAPL", "good"));
    }

    @Test
    void alertsCanBeSwitchedOff() throws Exception {
        try (TopologyDriverFixture off = new TopologyDriverFixture(Map.of(StreamsAppConfig.ALERTS_ENABLED, false),
                WALL_CLOCK)) {
            assertThat(KpiTopology.topology(off.config()).describe().toString())
                    .doesNotContain(AlertTopology.SYMBOL_STATE_STORE, AlertTopology.RULES_STORE);
        }
        assertThat(KpiTopology.topology(fixture.config()).describe().toString())
                .contains(AlertTopology.SYMBOL_STATE_STORE, AlertTopology.VOLUME_HISTORY_STORE,
                        AlertTopology.LAST_FIRED_STORE, AlertTopology.RULES_STORE);
    }
}
