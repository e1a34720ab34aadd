package io.ticklake.infra.security;

import java.util.Locale;

/** How the platform's clients reach Kafka and the registry. */
public enum SecurityMode {

    /** Kafka PLAINTEXT and the registry over http://, both on loopback: the default. */
    PLAINTEXT,

    /** Kafka SASL_SSL (SCRAM-SHA-512) and the registry over https://, with a CA made per data directory. */
    SASL_SSL;

    /** {@code plaintext} or {@code sasl_ssl}, in any case; anything else is refused naming {@code setting}. */
    public static SecurityMode parse(String value, String setting) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + "='" + value + "' is not one of plaintext, sasl_ssl");
        }
    }
}
