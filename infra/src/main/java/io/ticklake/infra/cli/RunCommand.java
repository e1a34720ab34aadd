package io.ticklake.infra.cli;

import io.ticklake.infra.Platform;
import io.ticklake.infra.PlatformConfig;
import io.ticklake.infra.launch.Launcher;
import io.ticklake.infra.launch.RunSettings;
import io.ticklake.infra.security.SecurityMode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./ticklake run}: starts the whole platform through {@link Launcher}, prints where everything
 * is, and runs until Ctrl-C (or TERM), which stops everything it started.
 */
@Command(name = "run", description = "Start the whole platform (services, contracts, sink connector, dashboard, simulator, "
        + "compaction schedule) and stop it on Ctrl-C.")
final class RunCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    ConfigOptions options;

    @Option(names = "--repo", paramLabel = "DIR", description = "the built checkout to run (env TICKLAKE_REPO)")
    Path repo;

    @Option(names = "--no-simulator", description = "start no simulator: ticks come from your own producer")
    boolean noSimulator;

    @Option(names = "--symbols", paramLabel = "A,B,C", description = "symbols to simulate (default: the simulator's dozen)")
    String symbols;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "50", description = "simulated ticks/s (default 50)")
    int rate;

    @Option(names = "--replay", paramLabel = "FILE.csv", description = "replay a CSV of bars or ticks instead of simulating")
    Path replay;

    @Option(names = "--speed", paramLabel = "N", defaultValue = "60", description = "replay speed factor, 0 = original event times (default 60)")
    double speed;

    @Option(names = "--lake", paramLabel = "URI", description = "lake root (default file://<home>/lake)")
    String lake;

    @Option(names = "--minio", description = "put the lake on the local MinIO (s3a://<bucket>)")
    boolean minio;

    @Option(names = "--every-minutes", paramLabel = "N", defaultValue = "10", description = "how often compaction + models run (default 10)")
    int everyMinutes;

    @Option(names = "--no-airflow", description = "schedule with the launcher's own loop even when the Airflow venv exists")
    boolean noAirflow;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "dashboard port (default 8080)")
    int port;

    @Option(names = "--sink-config", paramLabel = "KEY=VALUE", description = "a connector key set on every sink"
            + " connector on top of its shipped config, e.g. rotate.idle.ms=5000 (repeatable; no secrets)")
    Map<String, String> sinkConfig = new LinkedHashMap<>();

    RunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        RunSettings settings;
        try {
            settings = new RunSettings(checkout(), !noSimulator, symbols, rate, Optional.ofNullable(replay), speed,
                    Optional.ofNullable(lake), minio, Duration.ofMinutes(everyMinutes), !noAirflow, port, sinkConfig);
        } catch (IllegalArgumentException e) {
            context.err().println("run: " + e.getMessage());
            return PlatformCli.USAGE;
        }
        if (replay != null && !replay.toFile().canRead()) {
            context.err().println("run: --replay file '" + replay + "' is not readable");
            return PlatformCli.USAGE;
        }
        PlatformConfig config = options.toConfig(context.environment());
        if (config.security() != SecurityMode.PLAINTEXT) {
            // the run command's dashboard, simulator and connector are not given the secured client config
            context.err().println("run: the run command starts a plaintext platform only (--security/TICKLAKE_SECURITY is "
                    + config.security() + " for " + config.home() + "); start a secured one with"
                    + " 'infra/platform up --security sasl_ssl' and give each component its client config"
                    + " (README: Running against a secured cluster), or use another --home");
            return PlatformCli.USAGE;
        }
        Launcher launcher = new Launcher(new Platform(config), settings, context.out());
        CountDownLatch stopped = new CountDownLatch(1);
        Thread stopOnSignal = new Thread(() -> {
            context.out().printf("%n==> Stopping%n");
            launcher.close();
            stopped.countDown();
        }, "ticklake-stop");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        try {
            launcher.start(new ProgressPrinter(context.out()));
        } catch (RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(stopOnSignal);
            context.err().println("error: " + e.getMessage());
            context.err().println("Everything this command started is stopped again.");
            return PlatformCli.FAILED;
        }
        context.out().printf("%nTickLake is running. Ctrl-C stops everything.%n%n");
        launcher.endpoints().forEach((what, where) -> context.out().printf(Locale.ROOT, "  %-18s %s%n", what, where));
        try {
            stopped.await(); // until the shutdown hook has stopped everything
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private Path checkout() {
        if (repo != null) {
            return repo.toAbsolutePath();
        }
        String fromEnvironment = context.environment().get("TICKLAKE_REPO");
        if (fromEnvironment == null || fromEnvironment.isBlank()) {
            throw new IllegalArgumentException("give --repo or TICKLAKE_REPO: the built checkout to run");
        }
        return Path.of(fromEnvironment).toAbsolutePath();
    }
}
