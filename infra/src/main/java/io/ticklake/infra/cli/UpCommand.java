package io.ticklake.infra.cli;

import io.ticklake.infra.Platform;
import io.ticklake.infra.security.PlatformSecurity;
import io.ticklake.infra.service.ServiceStartException;

import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Starts what is not running, waits for each health check, prints every address. */
@Command(name = "up", description = "Start every service that is not running (Kafka, registry, MinIO, Connect) and wait until each is healthy.")
final class UpCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    ConfigOptions options;

    UpCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Platform platform = new Platform(options.toConfig(context.environment()));
        context.out().println("TickLake platform in " + platform.config().home());
        long begin = System.nanoTime();
        try {
            platform.up(new ProgressPrinter(context.out()));
        } catch (ServiceStartException e) {
            context.err().println("error: " + e.getMessage());
            context.err().println("Nothing started by this command is left running.");
            return PlatformCli.FAILED;
        }
        context.out().printf(Locale.ROOT, "%nPlatform is up (%.1f s).%n", (System.nanoTime() - begin) / 1e9);
        new StatusPrinter(context.out()).printEndpoints(platform);
        context.out().println("  shell variables:     " + platform.config().home().resolve("endpoints.env"));
        platform.security().ifPresent(security -> context.out().println("  client config:       "
                + security.clientConfigFile() + "  (SASL_SSL user " + PlatformSecurity.CLIENT_USER
                + ", CA " + security.caCertificate() + ")"));
        context.out().println("  logs:                " + platform.config().logDir() + "  (infra/platform logs [service])");
        return 0;
    }
}
