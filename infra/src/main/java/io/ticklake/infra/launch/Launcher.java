package io.ticklake.infra.launch;

import io.ticklake.infra.Platform;
import io.ticklake.infra.PlatformConfig;
import io.ticklake.infra.PlatformListener;
import io.ticklake.infra.http.Http;
import io.ticklake.infra.process.LogTail;
import io.ticklake.infra.runtime.JavaCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./ticklake run}: the platform (Kafka, registry, MinIO, Connect), the contracts, the sink
 * connector, dashboard-api with the streams topology, the simulator, and compaction + models on a
 * schedule (Airflow when its virtualenv exists, else {@link CompactionLoop}); {@link #close()} stops
 * all of it in reverse order. The end-to-end tests start the platform through this class too.
 */
public final class Launcher implements AutoCloseable {

    public static final String CONNECTOR = "stock-ticks-sink";
    /** The connector that lands the alerts in {@code raw/stock_alerts}. */
    public static final String ALERTS_CONNECTOR = "stock-alerts-sink";
    /** The connector that lands the dead letters in {@code raw/stock_ticks_dlq}. */
    public static final String DEAD_LETTERS_CONNECTOR = "stock-ticks-dlq-sink";
    static final int AIRFLOW_PORT = 8090;

    private static final Duration DASHBOARD_START = Duration.ofMinutes(3);
    private static final Duration CONNECTOR_START = Duration.ofMinutes(2);
    private static final Duration SETUP_STEP = Duration.ofMinutes(5);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Platform platform;
    private final RunSettings settings;
    private final PrintStream out;
    private final List<ChildProcess> children = new ArrayList<>();
    private CompactionLoop loop;
    private String lake;
    private String scheduler = "none";
    private boolean platformStarted;

    public Launcher(Platform platform, RunSettings settings, PrintStream out) {
        this.platform = platform;
        this.settings = settings;
        this.out = out;
    }

    /** Starts everything, in order; on a failure, what was started is stopped again and the failure rethrown. */
    public void start(PlatformListener progress) {
        try {
            step("Starting Kafka, Schema Registry, MinIO and Connect");
            platform.up(progress);
            platformStarted = true;
            lake = settings.lake().orElseGet(this::defaultLake);
            if (lake.startsWith("file://")) {
                createDirectories(Path.of(lake.substring("file://".length())));
            }
            Map<String, String> environment = environment();

            step("Registering the contracts (BACKWARD)");
            ChildProcess.runToEnd("contracts", List.of(JavaCommand.javaExecutable().toString(), "-cp",
                            settings.artifact("simulator/target/simulator.jar").toString(),
                            "io.ticklake.schemas.registry.ContractRegistrar", platform.registry().schemaRegistryUrl()),
                    environment, settings.repo(), log("contracts"), SETUP_STEP);

            step("Creating the sink connectors (ticks, alerts, dead letters) through Connect REST");
            deployConnector(CONNECTOR, "connect-sink/config/stock-ticks-sink.json");
            deployConnector(ALERTS_CONNECTOR, "connect-sink/config/stock-alerts-sink.json");
            deployConnector(DEAD_LETTERS_CONNECTOR, "connect-sink/config/stock-ticks-dlq-sink.json");

            step("Starting dashboard-api with the streams topology");
            startDashboard(environment);

            if (settings.simulate()) {
                step("Starting the simulator");
                startSimulator(environment);
            }

            step("Scheduling compaction + models every " + settings.every().toMinutes() + " min");
            startSchedule(environment);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The lake root the run uses ({@code file://...} or {@code s3a://...}); known once {@link #start} ran. */
    public String lake() {
        return lake;
    }

    public String dashboardUrl() {
        return "http://" + PlatformConfig.HOST + ":" + settings.dashboardPort();
    }

    public Path credentialsFile() {
        return platform.config().home().resolve("dashboard-credentials.env");
    }

    /** The dashboard's passwords and API tokens (the variables of {@link #credentialsFile()}), for programs that call it. */
    public Map<String, String> dashboardCredentials() {
        return new DashboardCredentials(credentialsFile()).environment();
    }

    /** What runs where, for the banner. */
    public Map<String, String> endpoints() {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("Dashboard", dashboardUrl() + "/   (user viewer; passwords and API tokens: " + credentialsFile() + ")");
        lines.put("REST API", dashboardUrl() + "/api/kpis?window=1m   (OpenAPI: /swagger/ticklake-dashboard-api-0.1.yml)");
        lines.put("Kafka", platform.kafka().bootstrapServers());
        lines.put("Schema Registry", platform.registry().schemaRegistryUrl());
        lines.put("Kafka Connect", platform.connect().url() + "/connectors/" + CONNECTOR + "/status");
        lines.put("MinIO", platform.minio().endpoint());
        lines.put("Lake", lake);
        lines.put("Compaction", scheduler);
        lines.put("Logs", platform.config().logDir() + "/");
        return lines;
    }

    /** Stops the schedule, the simulator, the dashboard and the platform, each TERM first, KILL after 30 s. */
    @Override
    public synchronized void close() {
        if (loop != null) {
            loop.close();
            loop = null;
        }
        List<ChildProcess> reversed = new ArrayList<>(children);
        Collections.reverse(reversed);
        for (ChildProcess child : reversed) {
            child.stop(STOP_GRACE);
        }
        children.clear();
        if (platformStarted) {
            platform.down(new PlatformListener() { });
            platformStarted = false;
        }
    }

    private String defaultLake() {
        return settings.minio() ? "s3a://" + platform.config().bucket()
                : "file://" + platform.config().home().resolve("lake").toAbsolutePath();
    }

    /** What every child gets: the platform's addresses, the lake, and the S3 keys (environment only). */
    private Map<String, String> environment() {
        PlatformConfig config = platform.config();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("TICKLAKE_HOME", config.home().toString());
        environment.put("TICKLAKE_LAKE", lake);
        environment.put("TICKLAKE_LAKE_URI", lake);
        environment.put("TICKLAKE_BOOTSTRAP_SERVERS", platform.kafka().bootstrapServers());
        environment.put("TICKLAKE_SCHEMA_REGISTRY_URL", platform.registry().schemaRegistryUrl());
        environment.put("TICKLAKE_S3_ENDPOINT", platform.minio().endpoint());
        environment.put("TICKLAKE_S3_REGION", config.region());
        environment.put("TICKLAKE_S3_PATH_STYLE", "true");
        environment.put("TICKLAKE_S3_ACCESS_KEY", config.accessKey());
        environment.put("TICKLAKE_S3_SECRET_KEY", config.secretKey());
        if (!lake.startsWith("file://") && !System.getenv().containsKey("TICKLAKE_CATALOG_URI")) {
            // an S3 lake has no local directory for the Iceberg catalog's SQLite file: it lives in the home
            Path catalog = config.home().resolve("catalog");
            createDirectories(catalog);
            environment.put("TICKLAKE_CATALOG_URI", "jdbc:sqlite:" + catalog.resolve("iceberg.db"));
        }
        return environment;
    }

    private void deployConnector(String name, String shippedConfig) {
        Map<String, String> variables = Map.of(
                "TICKLAKE_LAKE_URI", lake,
                "TICKLAKE_S3_ENDPOINT", platform.minio().endpoint(),
                "TICKLAKE_S3_REGION", platform.config().region(),
                "TICKLAKE_CONNECT_SECRETS", platform.connect().secretsFile().toString(),
                "TICKLAKE_SCHEMA_REGISTRY_URL", platform.registry().schemaRegistryUrl());
        Map<String, String> config = new LinkedHashMap<>(ConnectorTemplate.fill(settings.artifact(shippedConfig),
                variables));
        config.putAll(settings.sinkConfig());
        ConnectorDeployment connector = new ConnectorDeployment(platform.connect().url(), name);
        connector.apply(config);
        int tasks = Integer.parseInt(config.getOrDefault("tasks.max", "1"));
        out.println("connector " + name + ": " + connector.awaitRunning(tasks, CONNECTOR_START));
    }

    private void startDashboard(Map<String, String> shared) {
        DashboardCredentials credentials = new DashboardCredentials(credentialsFile());
        if (credentials.ensure()) {
            out.println("Dashboard credentials were made in " + credentials.file() + " (readable by you only):");
            out.println("  in a browser, log in as user 'viewer' (or 'admin') with TICKLAKE_SECURITY_VIEWER_PASSWORD");
            out.println("  (TICKLAKE_SECURITY_ADMIN_PASSWORD) from that file;");
            out.println("  programs send 'Authorization: Bearer <TICKLAKE_SECURITY_VIEWER_TOKEN>' (admin: TICKLAKE_SECURITY_ADMIN_TOKEN).");
        }
        Map<String, String> environment = new LinkedHashMap<>(shared);
        environment.putAll(credentials.environment());
        environment.put("TICKLAKE_STREAMS_STATE_DIR", platform.config().home().resolve("streams").toString());
        environment.put("MICRONAUT_SERVER_PORT", Integer.toString(settings.dashboardPort()));
        ChildProcess dashboard = ChildProcess.start("dashboard", List.of(JavaCommand.javaExecutable().toString(),
                        "-Xmx1g", "-jar", settings.artifact("dashboard-api/target/dashboard-api.jar").toString()),
                environment, settings.repo(), log("dashboard"));
        children.add(dashboard);
        awaitHealthy(dashboard, dashboardUrl() + "/health", DASHBOARD_START);
    }

    private void startSimulator(Map<String, String> environment) {
        List<String> command = new ArrayList<>(List.of(JavaCommand.javaExecutable().toString(), "-jar",
                settings.artifact("simulator/target/simulator.jar").toString()));
        if (settings.replay().isPresent()) {
            command.addAll(List.of("replay", settings.replay().get().toString(), "--speed", format(settings.speed())));
        } else {
            command.addAll(List.of("simulate", "--rate", Integer.toString(settings.rate())));
            if (!settings.symbols().isEmpty()) {
                command.addAll(List.of("--symbols", settings.symbols()));
            }
        }
        command.addAll(List.of("-b", platform.kafka().bootstrapServers(), "-r", platform.registry().schemaRegistryUrl()));
        children.add(ChildProcess.start("simulator", command, environment, settings.repo(), log("simulator")));
    }

    private void startSchedule(Map<String, String> shared) {
        Path venv = platform.config().cacheDir().resolve("airflow-venv");
        if (settings.airflow() && Files.isExecutable(venv.resolve("bin/airflow"))) {
            startAirflow(shared, venv);
        } else {
            loop = new CompactionLoop(CompactionLoop.dagSteps(settings.repo(), lake), shared, settings.repo(),
                    log("schedule"));
            loop.start(settings.every());
            scheduler = "loop in the launcher (log: " + log("schedule") + ")";
        }
    }

    private void startAirflow(Map<String, String> shared, Path venv) {
        Path home = platform.config().home().resolve("airflow");
        Map<String, String> environment = new LinkedHashMap<>(shared);
        environment.put("AIRFLOW_HOME", home.toString());
        environment.put("AIRFLOW__CORE__DAGS_FOLDER", settings.repo().resolve("airflow/dags").toString());
        environment.put("AIRFLOW__CORE__LOAD_EXAMPLES", "false");
        environment.put("AIRFLOW__API__PORT", Integer.toString(AIRFLOW_PORT));
        environment.put("AIRFLOW__API__HOST", PlatformConfig.HOST);
        // task workers report to the API server's execution API, which defaults to port 8080 (the dashboard's)
        environment.put("AIRFLOW__CORE__EXECUTION_API_SERVER_URL",
                "http://" + PlatformConfig.HOST + ":" + AIRFLOW_PORT + "/execution/");
        environment.put("AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION", "false");
        // a real login: user admin, its password generated once by init-home into a 0600 file
        environment.put("AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS", "false");
        environment.put("AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS", "admin:admin");
        Path passwords = home.resolve("passwords.json");
        environment.put("AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE", passwords.toString());
        environment.put("TICKLAKE_COMPACTION_EVERY_MINUTES", Long.toString(settings.every().toMinutes()));
        // the default 32 LocalExecutor workers would take 4 GB on a laptop
        environment.put("AIRFLOW__CORE__PARALLELISM", "4");
        environment.put("PATH", venv.resolve("bin") + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        // the metadata database and the one-slot pool the DAGs' lake writes share; prints the password once
        ChildProcess.runInForeground("airflow init-home", List.of(settings.artifact("airflow/bin/init-home").toString()),
                environment, settings.repo(), SETUP_STEP);
        children.add(ChildProcess.start("airflow", List.of(venv.resolve("bin/airflow").toString(), "standalone"),
                environment, settings.repo(), log("airflow")));
        scheduler = "Airflow (DAG lake_compaction)   http://" + PlatformConfig.HOST + ":" + AIRFLOW_PORT
                + "  (user admin, password in " + passwords + ")";
    }

    private void awaitHealthy(ChildProcess child, String url, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Http.DEFAULT.isOk(url)) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                throw new LaunchException(url + (child.isAlive() ? " did not answer within " + timeout
                        : ": " + child.name() + " exited") + "; last lines of " + child.log() + ":\n"
                        + LogTail.format(child.log(), 20));
            }
            pause();
        }
    }

    private Path log(String name) {
        return platform.config().logDir().resolve(name + ".log");
    }

    private void step(String title) {
        out.printf("%n==> %s%n", title);
    }

    private static String format(double speed) {
        return speed == Math.rint(speed) ? Long.toString((long) speed) : Double.toString(speed);
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while starting");
        }
    }
}
