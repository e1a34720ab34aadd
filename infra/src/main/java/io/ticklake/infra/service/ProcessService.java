package io.ticklake.infra.service;

import io.ticklake.infra.PlatformConfig;
import io.ticklake.infra.process.ManagedProcess;
import io.ticklake.infra.process.PortOwner;
import io.ticklake.infra.process.Ports;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle every service shares: check its ports, prepare its files, spawn the process, poll
 * its health check until a deadline, then run its post-start step. On any failure the process is
 * killed and the error carries the last lines of its log.
 */
public abstract class ProcessService implements PlatformService {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessService.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    protected final PlatformConfig config;
    private final String name;
    private final List<ServicePort> declaredPorts;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private ManagedProcess process;
    /** The process last seen healthy, so asking again for a running service costs no probe. */
    private ManagedProcess verifiedHealthy;

    protected ProcessService(String name, PlatformConfig config, List<ServicePort> declaredPorts) {
        this.name = name;
        this.config = config;
        this.declaredPorts = List.copyOf(declaredPorts);
    }

    /** The command line of the service process. */
    protected abstract List<String> command();

    /** Whether the service answers its health check; called only once ports are known. */
    protected abstract boolean probeHealth();

    /** Client endpoints, from the resolved ports. */
    protected abstract List<Endpoint> describeEndpoints();

    /** Environment variables of the process, on top of the launcher's. */
    protected Map<String, String> environment() {
        return Map.of();
    }

    /** Writes configuration and prepares data before each start. */
    protected void prepare() {
    }

    /** Runs once the process is healthy after a fresh start (topics, buckets, rules). */
    protected void afterHealthy() {
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Path logFile() {
        return config.logDir().resolve(name + ".log");
    }

    /** The service's own directory for configuration and data. */
    protected final Path serviceDir() {
        return config.serviceDir(name);
    }

    /** The resolved port with this role. */
    protected final synchronized int port(String role) {
        Integer port = ports.get(role);
        if (port == null) {
            throw new IllegalStateException(name + " has no " + role + " port before its first start");
        }
        return port;
    }

    @Override
    public synchronized void start() {
        Optional<ManagedProcess> running = currentProcess();
        if (running.isPresent()) {
            if (running.get() == verifiedHealthy) {
                return;
            }
            checkRunningPortsMatchConfiguration();
            if (!isHealthy()) {
                awaitHealthy(running.get(), deadline());
            }
            verifiedHealthy = running.get();
            return;
        }
        checkCanStart();
        LOG.info("starting {} on ports {}", name, ports);
        try {
            prepare();
        } catch (RuntimeException e) {
            throw ServiceStartException.withLog(name, "preparing its files failed: " + e.getMessage(), logFile(), e);
        }
        ManagedProcess started = ManagedProcess.spawn(new ManagedProcess.Spec(name, command(), environment(),
                serviceDir(), config.runDir(), logFile(), serviceDir().toString(), ports));
        process = started;
        try {
            awaitHealthy(started, deadline());
            afterHealthy();
            verifiedHealthy = started;
        } catch (RuntimeException e) {
            started.kill();
            process = null;
            throw e instanceof ServiceStartException failure ? failure
                    : ServiceStartException.withLog(name, e.getMessage(), logFile(), e);
        }
    }

    /**
     * Fails, naming the port and what holds it, when a port this service needs is taken. Does
     * nothing when the service runs already. Resolves "any free port" settings the first time.
     */
    public synchronized void checkCanStart() {
        if (currentProcess().isPresent()) {
            return;
        }
        if (ports.isEmpty()) {
            for (ServicePort port : declaredPorts) {
                ports.put(port.role(), port.configured() == 0 ? Ports.pickFree(PlatformConfig.HOST) : port.configured());
            }
        }
        for (ServicePort declared : declaredPorts) {
            int port = ports.get(declared.role());
            if (!Ports.isFree(PlatformConfig.HOST, port)) {
                throw new ServiceStartException(name, "port " + port + " (" + declared.role() + ") on "
                        + PlatformConfig.HOST + " is already in use by " + PortOwner.describe(port)
                        + "; stop that process or choose another port with " + declared.flag()
                        + " or " + declared.environmentVariable());
            }
        }
    }

    @Override
    public synchronized void stop() {
        currentProcess().ifPresent(running -> {
            LOG.info("stopping {} (pid {})", name, running.pid());
            running.terminate(STOP_GRACE);
        });
        process = null;
    }

    @Override
    public synchronized void kill() {
        currentProcess().ifPresent(running -> {
            LOG.info("killing {} (pid {})", name, running.pid());
            running.kill();
        });
        process = null;
    }

    /** SIGSTOP: the process freezes, as on a long GC pause or a hung host, keeping its sockets open. */
    @Override
    public synchronized void pause() {
        ManagedProcess running = currentProcess().orElseThrow(() -> new IllegalStateException(name + " is not running"));
        LOG.info("pausing {} (pid {}, SIGSTOP)", name, running.pid());
        running.signal("STOP");
    }

    /** SIGCONT: a paused process carries on. */
    @Override
    public synchronized void resume() {
        ManagedProcess running = currentProcess().orElseThrow(() -> new IllegalStateException(name + " is not running"));
        LOG.info("resuming {} (pid {}, SIGCONT)", name, running.pid());
        running.signal("CONT");
    }

    @Override
    public synchronized boolean isRunning() {
        return currentProcess().isPresent();
    }

    @Override
    public synchronized boolean isHealthy() {
        return !ports.isEmpty() && probeHealth();
    }

    @Override
    public synchronized OptionalLong pid() {
        return currentProcess().map(p -> OptionalLong.of(p.pid())).orElse(OptionalLong.empty());
    }

    @Override
    public synchronized Map<String, Integer> ports() {
        currentProcess();
        return Map.copyOf(ports);
    }

    @Override
    public synchronized List<Endpoint> endpoints() {
        currentProcess();
        return ports.isEmpty() ? List.of() : describeEndpoints();
    }

    /** The process, whether started by this JVM or found through its pid file. */
    private Optional<ManagedProcess> currentProcess() {
        if (process != null && process.isAlive()) {
            return Optional.of(process);
        }
        verifiedHealthy = null;
        process = ManagedProcess.find(name, config.runDir(), logFile()).orElse(null);
        if (process != null) {
            ports.putAll(process.record().ports());
        }
        return Optional.ofNullable(process);
    }

    private void checkRunningPortsMatchConfiguration() {
        for (ServicePort declared : declaredPorts) {
            Integer actual = ports.get(declared.role());
            if (declared.configured() != 0 && actual != null && actual != declared.configured()) {
                throw new ServiceStartException(name, "it is already running (pid " + process.pid() + ") with "
                        + declared.role() + " port " + actual + ", but this configuration asks for "
                        + declared.configured() + "; run 'infra/platform down' first to change ports");
            }
        }
    }

    private Instant deadline() {
        return Instant.now().plus(config.startTimeout());
    }

    private void awaitHealthy(ManagedProcess running, Instant deadline) {
        while (!probeHealth()) {
            if (!running.isAlive()) {
                throw ServiceStartException.withLog(name, "its process (pid " + running.pid() + ") exited during startup",
                        logFile(), null);
            }
            if (Instant.now().isAfter(deadline)) {
                throw ServiceStartException.withLog(name, "it was not healthy within "
                        + config.startTimeout().toSeconds() + " s (TICKLAKE_START_TIMEOUT)", logFile(), null);
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceStartException(name, "interrupted while waiting for it to become healthy", e);
            }
        }
    }
}
