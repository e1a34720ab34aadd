package io.ticklake.schemas.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Comparison of a presented secret with a configured one that takes the same time wherever they differ;
 * shared by the dashboard's logins and tokens and the streams runner's cluster secret.
 */
public final class Secrets {

    private Secrets() {
    }

    /** True when {@code configured} is set and equal to {@code presented}. */
    public static boolean matches(Optional<String> configured, String presented) {
        if (configured.isEmpty() || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(configured.get().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
