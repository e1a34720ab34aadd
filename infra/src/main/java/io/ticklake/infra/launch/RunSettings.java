package io.ticklake.infra.launch;

import java.nio.file.Path;
import java.time.Duration;
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
 */
public record RunSettings(Path repo, boolean simulate, String symbols, int rate, Optional<Path> replay, double speed,
                          Optional<String> lake, boolean minio, Duration every, boolean airflow, int dashboardPort) {

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
