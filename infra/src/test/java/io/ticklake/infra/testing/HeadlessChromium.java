package io.ticklake.infra.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver ({@code dashboard-api/scripts/install-chromium}, run by
 * {@code scripts/setup}), headless with a fresh profile, started the way DESIGN.md prescribes;
 * nothing is downloaded (a test tool's own browser download fails offline). Closing quits the browser and
 * deletes the profile. For the browser tests of dashboard-api and e2e.
 */
public final class HeadlessChromium implements AutoCloseable {

    static final String BINARY = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";
    /** Selenium warns that it has no DevTools bindings for Debian's Chromium version; the test uses none. */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    private final Path profile;
    private final WebDriver driver;

    private HeadlessChromium(Path profile, WebDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    public static HeadlessChromium start() {
        if (!Files.isExecutable(Path.of(BINARY)) || !Files.isExecutable(Path.of(DRIVER))) {
            throw new IllegalStateException(BINARY + " and " + DRIVER
                    + " are needed: run dashboard-api/scripts/install-chromium (or scripts/setup)");
        }
        SELENIUM_LOG.setLevel(Level.SEVERE);
        try {
            Path profile = Files.createTempDirectory("ticklake-chromium-");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                    .usingAnyFreePort().build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BINARY);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
                    "--window-size=1400,1000", "--user-data-dir=" + profile);
            return new HeadlessChromium(profile, new ChromeDriver(service, options));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a Chromium profile directory", e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> paths = Files.walk(profile)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a leftover temp directory is harmless
            }
        }
    }
}
