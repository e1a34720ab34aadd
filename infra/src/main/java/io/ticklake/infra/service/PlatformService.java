package io.ticklake.infra.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One service of the local platform, run as a separate process on loopback. Starting is
 * idempotent and returns once the service answers its health check; restarting after
 * {@link #stop()} or {@link #kill()} keeps the same ports and data.
 */
public interface PlatformService {

    /** Short name used for pid files, logs and the CLI: kafka, registry, minio, connect. */
    String name();

    /** Starts the service unless it runs already, and waits until it is healthy. */
    void start();

    /** Stops the service gracefully (SIGTERM), killing it if it does not stop in time. */
    void stop();

    /** Kills the service at once (SIGKILL), as a crash would. */
    void kill();

    /** Freezes the running process (SIGSTOP) without ending it, as a long pause would. */
    void pause();

    /** Lets a paused process carry on (SIGCONT). */
    void resume();

    /** True while the process this launcher started (or recorded) runs. */
    boolean isRunning();

    /** True when the service answers its health check now. */
    boolean isHealthy();

    /** The pid of the running process. */
    OptionalLong pid();

    /** The ports the service listens on, by role; empty before the first start. */
    Map<String, Integer> ports();

    /** Where clients reach the service; empty before the first start. */
    List<Endpoint> endpoints();

    /** The service's log file (stdout and stderr of every start, appended). */
    Path logFile();
}
