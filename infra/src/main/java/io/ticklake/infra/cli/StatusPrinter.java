package io.ticklake.infra.cli;

import io.ticklake.infra.Platform;
import io.ticklake.infra.process.ProcessStats;
import io.ticklake.infra.service.Endpoint;
import io.ticklake.infra.service.PlatformService;

import java.io.PrintStream;
import java.util.Locale;
import java.util.OptionalLong;

/** Prints services and their addresses as an aligned table. */
final class StatusPrinter {

    private final PrintStream out;

    StatusPrinter(PrintStream out) {
        this.out = out;
    }

    /** Prints each service's state; true when all of them run and are healthy. */
    boolean printStatus(Platform platform) {
        boolean allHealthy = true;
        for (PlatformService service : platform.services()) {
            OptionalLong pid = service.pid();
            if (pid.isEmpty()) {
                out.printf(Locale.ROOT, "  %-9s stopped%n", service.name());
                allHealthy = false;
                continue;
            }
            boolean healthy = service.isHealthy();
            allHealthy &= healthy;
            String memory = ProcessStats.residentKib(pid.getAsLong())
                    .stream().mapToObj(kib -> String.format(Locale.ROOT, ", RSS %d MiB", kib / 1024)).findFirst().orElse("");
            out.printf(Locale.ROOT, "  %-9s %s (pid %d%s)%n", service.name(), healthy ? "healthy" : "RUNNING BUT NOT HEALTHY",
                    pid.getAsLong(), memory);
            printServiceEndpoints(service);
        }
        return allHealthy;
    }

    void printEndpoints(Platform platform) {
        for (PlatformService service : platform.services()) {
            out.printf(Locale.ROOT, "  %s%n", service.name());
            printServiceEndpoints(service);
        }
    }

    private void printServiceEndpoints(PlatformService service) {
        for (Endpoint endpoint : service.endpoints()) {
            out.printf(Locale.ROOT, "      %-20s %s%n", endpoint.label(), endpoint.address());
        }
    }
}
