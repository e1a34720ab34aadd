package io.ticklake.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.ticklake.analytics.AnalyticsConfig;
import io.ticklake.analytics.run.AnalyticsRunner;
import io.ticklake.analytics.run.BuildScope;
import io.ticklake.analytics.run.RunListener;
import io.ticklake.dashboard.testing.CompactedLake;
import io.ticklake.dashboard.testing.DashboardItConfig;
import io.ticklake.dashboard.testing.TestCredentials;
import io.ticklake.dashboard.testing.TickProducer;
import io.ticklake.infra.testing.HeadlessChromium;
import io.ticklake.infra.testing.TestPlatform;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real headless Chromium at 1,280 × 800 with 16 symbols: the page loads, the chart gets the
 * candles of the ticks produced before, a tick produced while the page is open changes the table and the chart
 * through the WebSocket, the window selector shows 5-minute candles, the symbol filter narrows the table, and
 * an unknown symbol's chart says why it is empty, and the data-quality heat map draws the lake's hours. Leaves a
 * screenshot in {@code target/dashboard.png}.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT implements TestPropertyProvider {

    private static final long MINUTE = 60_000;
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Hours of ticks in the test lake, before the current one. */
    private static final int HOURS_OF_QUALITY = 3;
    /** Symbols with one tick each besides ACME and GLOBX: a list long enough to need the filter and the layout. */
    private static final List<String> OTHERS = List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA",
            "BRK.B", "JPM", "V", "UNH", "XOM", "LONGNAME.XYZ", "SPY-2026");

    private DashboardItConfig it;
    private TickProducer producer;
    private HeadlessChromium chromium;
    private WebDriver browser;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        it = new DashboardItConfig(TestPlatform.shared(), "browser");
        Map<String, String> props = it.properties();
        props.put("ticklake.lake", lakeWithQualityModel());
        return props;
    }

    /**
     * A lake whose last hours hold a few ticks of every symbol, compacted and landed raw (one record landed
     * twice, a late tick per hour), with the analytics models built over it: the history and data-quality
     * panels have data.
     */
    private static String lakeWithQualityModel() {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        List<CompactedLake.Tick> ticks = new ArrayList<>();
        List<String> symbols = new ArrayList<>(List.of("ACME", "GLOBX"));
        symbols.addAll(OTHERS);
        // in event-time order on every partition, so that none is late
        for (int h = HOURS_OF_QUALITY; h >= 1; h--) {
            for (int i = 0; i < 3; i++) {
                for (int s = 0; s < symbols.size(); s++) {
                    Instant at = hour.minus(h, ChronoUnit.HOURS).plusSeconds(60L * i + s);
                    ticks.add(new CompactedLake.Tick(symbols.get(s), 100.0 + i, 10, at, s % 6, ticks.size()));
                }
            }
        }
        List<CompactedLake.Tick> landed = new ArrayList<>(ticks);
        landed.add(ticks.get(0));
        // a late arrival in each hour, for a different symbol each time: the heat map has something to show
        for (int h = 1; h <= HOURS_OF_QUALITY; h++) {
            int s = h * 5 % symbols.size();
            landed.add(new CompactedLake.Tick(symbols.get(s), 100.0, 10, hour.minus(h, ChronoUnit.HOURS), s % 6,
                    landed.size()));
        }
        try {
            CompactedLake lake = new CompactedLake(DashboardItConfig.tempDir("browser-lake-")).publish(ticks)
                    .landRaw("stock-ticks.parquet", landed);
            AnalyticsRunner.create(AnalyticsConfig.forLake(lake.uri()), new RunListener() {
            }).run(BuildScope.full());
            return lake.uri();
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the analytics models of the test lake", e);
        }
    }

    @BeforeAll
    void startBrowserAndHistory() throws IOException {
        producer = new TickProducer(it.platform.kafkaBootstrapServers(), it.platform.schemaRegistryUrl(), it.ticks);
        long start = Math.floorDiv(System.currentTimeMillis(), MINUTE) * MINUTE - 5 * MINUTE;
        double[] closes = {101.0, 102.5, 101.75, 103.0, 104.25};
        for (int minute = 0; minute < closes.length; minute++) {
            Instant at = Instant.ofEpochMilli(start + minute * MINUTE);
            producer.send("ACME", closes[minute] - 1.0, 300, at.plusSeconds(5));
            producer.send("ACME", closes[minute] + 0.5, 200, at.plusSeconds(20));
            producer.send("ACME", closes[minute], 100, at.plusSeconds(40));
            producer.send("GLOBX", 50.0 + minute, 1000, at.plusSeconds(30));
        }
        // after the history: a tick older than its partition's stream time minus the grace would be late
        Instant now = Instant.now();
        for (int i = 0; i < OTHERS.size(); i++) {
            producer.send(OTHERS.get(i), 10.0 + i, 10, now);
        }
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        browser.manage().window().setSize(new Dimension(1280, 800));
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void showsCandlesAndUpdatesLive() throws Exception {
        // a person logs in once (HTTP Basic, the viewer's user and password); the browser keeps the credentials
        // for the origin and sends them with the page's requests and its WebSocket handshake
        browser.get(TestCredentials.viewerUserUrl(server.getURL() + "/"));
        browser.get(server.getURL() + "/?symbol=ACME");

        WebElement chart = browser.findElement(By.id("chart"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(Integer.parseInt(chart.getDomAttribute("data-candles")))
                .isGreaterThanOrEqualTo(5));
        await().atMost(WAIT).untilAsserted(() -> assertThat(browser.findElement(By.id("status"))
                .getDomAttribute("data-state")).isEqualTo("live"));
        // GLOBX may sit on a partition the streams have not caught up on when the page loads: the push fixes it
        eventually().untilAsserted(() -> assertThat(row("GLOBX").findElement(By.className("last")).getText())
                .isEqualTo("54.0000"));
        assertThat(seriesLength("candles")).isGreaterThanOrEqualTo(5);
        assertThat(seriesLength("volume")).isEqualTo(seriesLength("candles"));
        // 16 symbols at 1,280 px: the table fits, nothing scrolls sideways
        eventually().untilAsserted(() -> assertThat(browser.findElements(By.cssSelector("#symbols tbody tr")))
                .hasSize(OTHERS.size() + 2));
        assertThat(script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
                .as("horizontal overflow in px").isEqualTo(0L);
        WebElement filter = browser.findElement(By.id("symbol-filter"));
        filter.sendKeys("glo");
        assertThat(visibleSymbols()).containsExactly("GLOBX");
        filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        assertThat(visibleSymbols()).hasSize(OTHERS.size() + 2);
        // the data-quality heat map: a cell per symbol and hour of the lake
        await().atMost(WAIT).untilAsserted(() -> assertThat(browser.findElement(By.id("quality-chart"))
                .getDomAttribute("data-cells")).isEqualTo(String.valueOf((OTHERS.size() + 2) * HOURS_OF_QUALITY)));
        assertThat(browser.findElement(By.id("quality-message")).getText()).isEmpty();

        // an admin's rule, in the rules' store before the tick that crosses it
        HttpResponse<String> created = adminRequest("POST", "/api/alert-rules", "{\"rule_id\":\"acme-above-110\","
                + "\"symbol\":\"ACME\",\"kind\":\"PRICE_CROSS\",\"direction\":\"UP\",\"level\":110}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        await().atMost(WAIT).until(() -> adminRequest("GET", "/api/alert-rules/acme-above-110", null)
                .statusCode() == 200);

        producer.send("ACME", 117.25, 50, Instant.now());
        // the alert: in the list, and marked on the candle it fired in
        eventually().untilAsserted(() -> {
            WebElement alert = browser.findElement(By.cssSelector("#alerts tr[data-rule='acme-above-110']"));
            assertThat(alert.getDomAttribute("data-symbol")).isEqualTo("ACME");
            assertThat(chart.getDomAttribute("data-alert-marks")).isEqualTo("1");
            // an alert of a rule the page has not listed yet makes it read the rules again
            assertThat(browser.findElements(By.cssSelector("#rules tr[data-rule='acme-above-110']"))).hasSize(1);
        });
        // its provisional copy (pushed before the commit) is replaced in place by the confirmed one: one row
        eventually().untilAsserted(() -> assertThat(browser.findElements(By.cssSelector(
                "#alerts tr[data-rule='acme-above-110']"))).singleElement()
                .satisfies(alert -> assertThat(alert.getDomAttribute("data-provisional")).isEqualTo("false")));
        assertThat(chart.getDomAttribute("data-alert-marks")).isEqualTo("1");

        eventually().untilAsserted(() -> {
            assertThat(row("ACME").findElement(By.className("last")).getText()).isEqualTo("117.25");
            assertThat(chart.getDomAttribute("data-last-close")).isEqualTo("117.25");
        });
        await().atMost(WAIT).untilAsserted(() -> assertThat(Integer.parseInt(chart.getDomAttribute("data-candles")))
                .isGreaterThanOrEqualTo(6));
        // the whole page (alerts, rules, history and data quality below the chart) in one picture, then back to 1,280 × 800
        browser.manage().window().setSize(new Dimension(1280, 2000));
        Path screenshot = Path.of("target", "dashboard.png");
        Files.createDirectories(screenshot.getParent());
        Files.copy(((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                screenshot, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(screenshot)).isPositive();
        browser.manage().window().setSize(new Dimension(1280, 800));

        // five minutes of ACME in 5-minute candles: at most two of them, aligned, holding every tick's volume
        new Select(browser.findElement(By.id("window"))).selectByValue("5m");
        eventually().untilAsserted(() -> {
            assertThat(chart.getDomAttribute("data-window")).isEqualTo("5m");
            assertThat(script("return " + ECHARTS_SERIES + "('volume').data.reduce((sum, bar) => sum + bar.value, 0);"))
                    .isEqualTo(5L * 600 + 50);
        });
        assertThat(seriesLength("candles")).isBetween(1L, 2L);
        assertThat(browser.getCurrentUrl()).endsWith("?symbol=ACME&window=5m");
        new Select(browser.findElement(By.id("window"))).selectByValue("1m");
        eventually().untilAsserted(() -> assertThat(seriesLength("candles")).isGreaterThanOrEqualTo(6));

        // the tick's values come first provisionally (dimmed); the committed ones replace them
        eventually().untilAsserted(() -> {
            assertThat(String.valueOf(row("ACME").getDomAttribute("class"))).doesNotContain("provisional");
            assertThat(String.valueOf(row("GLOBX").getDomAttribute("class"))).doesNotContain("provisional");
            assertThat(chart.getDomAttribute("data-last-provisional")).isEqualTo("false");
            assertThat(chart.getDomAttribute("data-last-close")).isEqualTo("117.25");
        });

        // the address always opens its symbol, also one without ticks, and the chart says why it is empty
        browser.get(server.getURL() + "/?symbol=NOSUCH");
        eventually().untilAsserted(() -> {
            assertThat(browser.findElement(By.id("chart-message")).getText()).startsWith("NOSUCH is unknown");
            assertThat(new Select(browser.findElement(By.id("symbol"))).getFirstSelectedOption().getText())
                    .isEqualTo("NOSUCH");
            // the rules list and the day's alerts are loaded with the page
            assertThat(browser.findElement(By.cssSelector("#rules tr[data-rule='acme-above-110']")).getText())
                    .contains("PRICE_CROSS", "level 110");
            assertThat(browser.findElements(By.cssSelector("#alerts tr[data-rule='acme-above-110']"))).hasSize(1);
        });
    }

    private HttpResponse<String> adminRequest(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Authorization", "Bearer " + TestCredentials.ADMIN_TOKEN).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> visibleSymbols() {
        return browser.findElements(By.cssSelector("#symbols tbody tr")).stream().filter(WebElement::isDisplayed)
                .map(row -> row.getDomAttribute("data-symbol")).toList();
    }

    private Object script(String javascript, Object... arguments) {
        return ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(javascript, arguments);
    }

    /** Waits for the table, whose rows appear only when their symbol's first KPI arrives and are redrawn on pushes. */
    private ConditionFactory eventually() {
        return await().atMost(WAIT).ignoreExceptionsMatching(e -> e instanceof NoSuchElementException
                || e instanceof StaleElementReferenceException);
    }

    private WebElement row(String symbol) {
        return browser.findElement(By.cssSelector("#symbols tr[data-symbol='" + symbol + "']"));
    }

    /** Data points of a chart series, read through ECharts' own API. */
    private long seriesLength(String name) {
        return ((Number) script("return " + ECHARTS_SERIES + "(arguments[0]).data.length;", name)).longValue();
    }

    /** A JavaScript function of a series name returning the chart's series of that name. */
    private static final String ECHARTS_SERIES = "(name => echarts.getInstanceByDom(document.getElementById('chart'))"
            + ".getOption().series.find(s => s.name === name))";
}
