package io.ticklake.infra.service;

import java.util.Locale;

/**
 * A port a service listens on: its role, the configured number (0 for any free port) and the
 * setting that changes it, named in error messages.
 */
public record ServicePort(String role, int configured, String environmentVariable) {

    /** The CLI flag for the same setting: TICKLAKE_KAFKA_PORT becomes --kafka-port. */
    public String flag() {
        return "--" + environmentVariable.substring("TICKLAKE_".length()).toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
