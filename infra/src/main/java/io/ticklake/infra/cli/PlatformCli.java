package io.ticklake.infra.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code infra/platform up|down|status|logs [service]|run}: starts, checks and stops the local
 * platform; {@code run} starts everything else on it too ({@code ./ticklake run}). Exit codes: 0 done, 1 a service failed, 2 bad usage, 3 (status) not everything runs.
 */
@Command(name = "platform", mixinStandardHelpOptions = true,
        description = "Starts, checks and stops the local TickLake platform: Kafka, Schema Registry, MinIO, Kafka Connect.")
public final class PlatformCli implements Callable<Integer> {

    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int NOT_ALL_RUNNING = 3;

    @Spec
    CommandSpec spec;

    private PlatformCli() {
    }

    /** Without a subcommand: print the usage. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    /** Runs the command line and returns its exit code; never calls System.exit. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        CliContext context = new CliContext(environment, out, err);
        CommandLine commandLine = new CommandLine(new PlatformCli())
                .addSubcommand(new UpCommand(context))
                .addSubcommand(new DownCommand(context))
                .addSubcommand(new StatusCommand(context))
                .addSubcommand(new LogsCommand(context))
                .addSubcommand(new RunCommand(context));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((exception, cmd, parsed) -> {
            err.println("error: " + exception.getMessage());
            return FAILED;
        });
        return commandLine.execute(args);
    }
}
