package io.ticklake.infra.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code ./ticklake run} was asked for, beyond the platform's own settings.
 *
 * @param repo         the checkout whose built artifacts run (jars, launchers, connector template)
 * @param simulate     start the simulator (false: the user's or a benchmark's own producer sends ticks)
 * @param symbols      symbols to simulate, comma-separated; empty for the simulator's default
 * @param rate         simulated ticks per second
 * @param replay       a CSV of bars or ticks to replay instead of simulating
 * @param speed        replay speed factor, 0 for the original event times
 * @param lake         the lake root; empty for the default (local directory, or the MinIO bucket)
 * @param minio        put the default lake on the platform's MinIO ({@code lake} wins when given)
 * @param every        how often compaction and the models run
 * @param airflow      schedule with Airflow when its virtualenv is installed
 * @param dashboardPort the dashboard's port on 127.0.0.1
 * @param sinkConfig   connector keys set on top of the shipped configuration of every sink connector the run
 *                     creates (e.g. {@code rotate.idle.ms}); Connect validates them. No secrets: those reach
 *                     Connect through its config provider, never an argument
 */
public record RunSettings(Path repo, boolean simulate, String symbols, int rate, Optional<Path> replay, double speed,
                          Optional<String> lake, boolean minio, Duration every, boolean airflow, int dashboardPort,
                          Map<String, String> sinkConfig) {

    /** Settings with the shipped sink configuration as it is. */
    public RunSettings(Path repo, boolean simulate, String symbols, int rate, Optional<Path> replay, double speed,
                       Optional<String> lake, boolean minio, Duration every, boolean airflow, int dashboardPort) {
        this(repo, simulate, symbols, rate, replay, speed, lake, minio, every, airflow, dashboardPort, Map.of());
    }

    public RunSettings {
        if (rate <= 0) {
            throw new IllegalArgumentException("--rate must be positive, got " + rate);
        }
        if (speed < 0) {
            throw new IllegalArgumentException("--speed must be 0 (original event times) or positive, got " + speed);
        }
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("--every-minutes must be positive, got " + every.toMinutes());
        }
        if (dashboardPort <= 0 || dashboardPort > 65_535) {
            throw new IllegalArgumentException("--port must be a TCP port (1-65535), got " + dashboardPort);
        }
        symbols = symbols == null ? "" : symbols;
        sinkConfig = Map.copyOf(sinkConfig == null ? Map.of() : sinkConfig);
        for (String key : sinkConfig.keySet()) {
            String lower = key.toLowerCase(Locale.ROOT);
            if (key.isBlank()) {
                throw new IllegalArgumentException("--sink-config needs KEY=VALUE, got an empty key");
            }
            if (lower.contains("secret") || lower.contains("password")) {
                // an argument is visible in ps and would be stored in Connect's config topic
                throw new IllegalArgumentException("--sink-config " + key + ": secrets are not taken as arguments;"
                        + " the sink gets its S3 keys through Connect's config provider (TICKLAKE_S3_SECRET_KEY)");
            }
        }
    }

    /** The repository file {@code relative}, checked to exist so a missing build is named, not a stack trace. */
    Path artifact(String relative) {
        Path file = repo.resolve(relative);
        if (!file.toFile().exists()) {
            throw new LaunchException(file + " does not exist; build first (./ticklake run --rebuild)");
        }
        return file;
    }
}
