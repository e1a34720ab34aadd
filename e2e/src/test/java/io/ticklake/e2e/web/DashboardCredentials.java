package io.ticklake.e2e.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.WebDriver;

/**
 * The credentials of the dashboard instances an end-to-end test starts, one random set per test JVM:
 * the instances get them in their environment ({@link #environment()}), {@link DashboardClient} sends the
 * viewer's API token. Instances of one test share the cluster secret, so that they forward to each other.
 */
public final class DashboardCredentials {

    public static final String VIEWER_TOKEN = random();
    public static final String VIEWER_PASSWORD = random();
    public static final String CLUSTER_SECRET = random();

    private DashboardCredentials() {
    }

    /** The environment variables that configure an instance with these credentials. */
    public static Map<String, String> environment() {
        return Map.of("TICKLAKE_SECURITY_VIEWER_TOKEN", VIEWER_TOKEN, "TICKLAKE_SECURITY_VIEWER_PASSWORD",
                VIEWER_PASSWORD, "TICKLAKE_CLUSTER_SECRET", CLUSTER_SECRET);
    }

    /**
     * Writes these credentials as the launcher's credentials file ({@code NAME=value} lines, owner-only), which
     * {@code ./ticklake run} keeps when it exists, as it keeps a user's own: the dashboard it starts takes them.
     */
    public static void writeLauncherFile(Path file) throws IOException {
        StringBuilder lines = new StringBuilder();
        environment().forEach((name, value) -> lines.append(name).append('=').append(value).append('\n'));
        Files.createDirectories(file.getParent());
        Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))), lines);
    }

    /** The value of the {@code Authorization} header of the viewer's requests. */
    public static String viewerAuthorization() {
        return "Bearer " + VIEWER_TOKEN;
    }

    /**
     * Logs {@code browser} in as the user viewer (HTTP Basic, as a person does once): the browser then sends
     * the credentials with every request of the page to {@code baseUrl}, its WebSocket handshake included.
     */
    public static void logIn(WebDriver browser, String baseUrl) {
        browser.get(baseUrl.replaceFirst("^(https?://)", "$1viewer:" + VIEWER_PASSWORD + "@") + "/");
    }

    private static String random() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
