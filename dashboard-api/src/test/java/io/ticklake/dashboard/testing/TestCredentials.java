package io.ticklake.dashboard.testing;

import io.micronaut.http.MutableHttpRequest;
import io.ticklake.streams.query.ForwardingPaths;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The credentials of a dashboard under test, one random set per test JVM: {@link #properties()} configures
 * an instance with them ({@link DashboardItConfig} does), the other methods put them on a request. The
 * one place tests take credentials from.
 */
public final class TestCredentials {

    public static final String VIEWER_USER = "viewer";
    public static final String ADMIN_USER = "admin";
    public static final String VIEWER_PASSWORD = random();
    public static final String ADMIN_PASSWORD = random();
    public static final String VIEWER_TOKEN = random();
    public static final String ADMIN_TOKEN = random();
    public static final String CLUSTER_SECRET = random();

    private TestCredentials() {
    }

    /** {@code ticklake.security.*} and {@code ticklake.cluster.secret} of every credential above. */
    public static Map<String, String> properties() {
        Map<String, String> props = new HashMap<>();
        props.put("ticklake.security.viewer-password", VIEWER_PASSWORD);
        props.put("ticklake.security.admin-password", ADMIN_PASSWORD);
        props.put("ticklake.security.viewer-token", VIEWER_TOKEN);
        props.put("ticklake.security.admin-token", ADMIN_TOKEN);
        props.put("ticklake.cluster.secret", CLUSTER_SECRET);
        return props;
    }

    /** {@code request} with the viewer's API token, as a program sends it. */
    public static <T> MutableHttpRequest<T> viewer(MutableHttpRequest<T> request) {
        return request.bearerAuth(VIEWER_TOKEN);
    }

    /** {@code request} with the admin's API token. */
    public static <T> MutableHttpRequest<T> admin(MutableHttpRequest<T> request) {
        return request.bearerAuth(ADMIN_TOKEN);
    }

    /** {@code request} with the viewer's user and password (HTTP Basic), as a person's browser sends it. */
    public static <T> MutableHttpRequest<T> viewerUser(MutableHttpRequest<T> request) {
        return request.basicAuth(VIEWER_USER, VIEWER_PASSWORD);
    }

    /** {@code request} as another instance of the cluster sends it: with the cluster secret. */
    public static <T> MutableHttpRequest<T> cluster(MutableHttpRequest<T> request) {
        return request.header(ForwardingPaths.CLUSTER_SECRET_HEADER, CLUSTER_SECRET);
    }

    /**
     * {@code url} ({@code http://host:port/path}) with the viewer's user and password in it, which a
     * browser turns into HTTP Basic credentials for the page, its requests and its WebSocket.
     */
    public static String viewerUserUrl(String url) {
        return url.replaceFirst("^(https?://)", "$1" + VIEWER_USER + ":" + VIEWER_PASSWORD + "@");
    }

    private static String random() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
