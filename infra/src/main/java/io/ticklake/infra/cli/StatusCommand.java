package io.ticklake.infra.cli;

import io.ticklake.infra.Platform;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Which services run, whether they answer their health check, their memory and addresses. */
@Command(name = "status", description = "Show each service's process, health, resident memory and addresses. Exit code 3 unless all four run and are healthy.")
final class StatusCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    ConfigOptions options;

    StatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Platform platform = new Platform(options.toConfig(context.environment()));
        context.out().println("TickLake platform in " + platform.config().home());
        boolean allHealthy = new StatusPrinter(context.out()).printStatus(platform);
        return allHealthy ? 0 : PlatformCli.NOT_ALL_RUNNING;
    }
}
