package io.ticklake.infra.cli;

import io.ticklake.infra.PlatformListener;
import io.ticklake.infra.service.PlatformService;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Prints a line per service as the platform starts: starting, healthy after how long, or already running. */
final class ProgressPrinter implements PlatformListener {

    private final PrintStream out;

    ProgressPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void starting(PlatformService service) {
        if (!service.isRunning()) {
            out.printf(Locale.ROOT, "  %-9s starting...%n", service.name());
        }
    }

    @Override
    public void started(PlatformService service, boolean wasRunning, Duration took) {
        String pid = service.pid().isPresent() ? "pid " + service.pid().getAsLong() : "";
        if (wasRunning) {
            out.printf(Locale.ROOT, "  %-9s already running (%s)%n", service.name(), pid);
        } else {
            out.printf(Locale.ROOT, "  %-9s healthy after %.1f s (%s)%n", service.name(), took.toMillis() / 1000.0, pid);
        }
    }

    @Override
    public void stopped(PlatformService service, boolean wasRunning, Duration took) {
        out.printf(Locale.ROOT, "  %-9s stopped again%n", service.name());
    }
}
