package io.ticklake.dashboard.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the start when the server would be reachable from other machines ({@code micronaut.server.host}
 * not a loopback address) while nobody could authenticate: security disabled, or no credential set.
 * On loopback such a start goes on, with a warning that every protected request will answer 401.
 */
@Context
class ExposureGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ExposureGuard.class);

    ExposureGuard(@Value("${micronaut.server.host:}") String host,
                  @Value("${micronaut.security.enabled:true}") boolean securityEnabled,
                  SecurityProperties credentials) {
        Optional<String> refusal = refusal(host, isLoopback(host), securityEnabled, credentials.anyCredential());
        if (refusal.isPresent()) {
            throw new ConfigurationException(refusal.get());
        }
        if (securityEnabled && !credentials.anyCredential()) {
            LOG.warn("No credential is configured (ticklake.security.viewer-password, admin-password, viewer-token,"
                    + " admin-token): every request but the liveness and readiness probes answers 401");
        }
    }

    /** Why a start with these settings is refused, if it is. */
    static Optional<String> refusal(String host, boolean loopback, boolean securityEnabled, boolean anyCredential) {
        if (loopback) {
            return Optional.empty();
        }
        String where = host.isBlank() ? "every interface (micronaut.server.host is not set)"
                : "micronaut.server.host=" + host + ", not a loopback address";
        if (!securityEnabled) {
            return Optional.of("The dashboard would listen on " + where + " with micronaut.security.enabled=false:"
                    + " enable security, or set micronaut.server.host=127.0.0.1");
        }
        if (!anyCredential) {
            return Optional.of("The dashboard would listen on " + where + " with no credential to authenticate"
                    + " with: set ticklake.security.viewer-password or ticklake.security.viewer-token"
                    + " (TICKLAKE_SECURITY_VIEWER_PASSWORD, TICKLAKE_SECURITY_VIEWER_TOKEN; admin-password,"
                    + " admin-token for the admin role), or set micronaut.server.host=127.0.0.1");
        }
        return Optional.empty();
    }

    static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
