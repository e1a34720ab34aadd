package io.ticklake.infra;

import io.ticklake.infra.service.PlatformService;

import java.time.Duration;

/** Hears what {@link Platform#up} and {@link Platform#down} do, to report it. */
public interface PlatformListener {

    /** Does nothing; for callers that only want the result. */
    PlatformListener SILENT = new PlatformListener() {
    };

    default void starting(PlatformService service) {
    }

    default void started(PlatformService service, boolean wasRunning, Duration took) {
    }

    default void stopped(PlatformService service, boolean wasRunning, Duration took) {
    }
}
