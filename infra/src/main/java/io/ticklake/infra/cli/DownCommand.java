package io.ticklake.infra.cli;

import io.ticklake.infra.Platform;
import io.ticklake.infra.PlatformConfig;
import io.ticklake.infra.PlatformListener;
import io.ticklake.infra.process.PortOwner;
import io.ticklake.infra.process.Ports;
import io.ticklake.infra.service.PlatformService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Stops exactly the processes this data directory's pid files name, then checks their ports are closed. */
@Command(name = "down", description = "Stop the services started from this data directory (Connect, MinIO, registry, Kafka).")
final class DownCommand implements Callable<Integer> {

    private static final Duration PORT_RELEASE_TIMEOUT = Duration.ofSeconds(10);

    private final CliContext context;

    @Mixin
    ConfigOptions options;

    DownCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        Platform platform = new Platform(options.toConfig(context.environment()));
        List<Integer> ports = new ArrayList<>();
        for (PlatformService service : platform.services()) {
            if (service.isRunning()) {
                ports.addAll(service.ports().values());
            }
        }
        platform.down(new PlatformListener() {
            @Override
            public void stopped(PlatformService service, boolean wasRunning, Duration took) {
                if (wasRunning) {
                    context.out().printf(Locale.ROOT, "  %-9s stopped in %.1f s%n", service.name(), took.toMillis() / 1000.0);
                } else {
                    context.out().printf(Locale.ROOT, "  %-9s was not running%n", service.name());
                }
            }
        });
        return checkPortsReleased(ports);
    }

    private int checkPortsReleased(List<Integer> ports) throws InterruptedException {
        Instant deadline = Instant.now().plus(PORT_RELEASE_TIMEOUT);
        List<Integer> open = stillListening(ports);
        while (!open.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            open = stillListening(ports);
        }
        for (int port : open) {
            context.err().println("error: port " + port + " is still listening, held by " + PortOwner.describe(port));
        }
        return open.isEmpty() ? 0 : PlatformCli.FAILED;
    }

    private static List<Integer> stillListening(List<Integer> ports) {
        return ports.stream().filter(port -> Ports.isListening(PlatformConfig.HOST, port)).toList();
    }
}
