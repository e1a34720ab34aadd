package io.ticklake.e2e.process;

import io.ticklake.infra.PlatformConfig;
import io.ticklake.infra.security.SecurityMode;
import io.ticklake.infra.service.ConnectWorker;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Another Connect worker of the platform's Connect cluster, started by infra's own launcher class
 * ({@link ConnectWorker}: same group id, same internal topics, same plugin path) with its own
 * directory and REST port. Connect workers are stateless apart from those topics, so this is exactly
 * how a second machine would join. A JVM shutdown hook kills it if the test run ends first (the
 * launcher starts services detached).
 */
public final class ExtraConnectWorker implements AutoCloseable {

    private final ConnectWorker worker;
    private final Thread reaper;

    private ExtraConnectWorker(ConnectWorker worker) {
        this.worker = worker;
        this.reaper = new Thread(worker::kill, "kill-extra-connect-worker");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Starts a worker in {@code home} on a free port and waits until it has joined the group. */
    public static ExtraConnectWorker start(Path home, Supplier<String> bootstrapServers) {
        return start(home, bootstrapServers, 1);
    }

    /** The same for a platform of {@code brokers} Kafka nodes (its internal topics' replication). */
    public static ExtraConnectWorker start(Path home, Supplier<String> bootstrapServers, int brokers) {
        ConnectWorker worker = new ConnectWorker(PlatformConfig.forTests(home, System.getenv(),
                SecurityMode.PLAINTEXT, brokers), bootstrapServers, Optional.empty());
        ExtraConnectWorker extra = new ExtraConnectWorker(worker);
        worker.start();
        return extra;
    }

    /** The REST API, {@code http://127.0.0.1:<port>}. */
    public String url() {
        return worker.url();
    }

    /** How Connect names this worker in task statuses: {@code 127.0.0.1:<port>}. */
    public String workerId() {
        return url().substring("http://".length());
    }

    /** SIGKILL, as a crash would; {@link #restart()} brings it back on the same port. */
    public void kill() {
        worker.kill();
    }

    /** Starts it again after a kill and waits until it has rejoined the group. */
    public void restart() {
        worker.start();
    }

    public boolean isRunning() {
        return worker.isRunning();
    }

    public Path logFile() {
        return worker.logFile();
    }

    @Override
    public void close() {
        worker.stop();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
    }
}
