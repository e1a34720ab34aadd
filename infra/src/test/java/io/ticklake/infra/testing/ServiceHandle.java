package io.ticklake.infra.testing;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Control over one running service of a {@link TestPlatform}, for fault tests: stop it, kill it
 * like a crash, start it again on the same port with the same data.
 */
public interface ServiceHandle {

    /** kafka (kafka-2, ... on a cluster), registry, minio or connect. */
    String name();

    /** Starts the service again (same port, same data) and waits until it is healthy; no-op when running. */
    void start();

    /** Stops the service gracefully and waits until its process is gone. */
    void stop();

    /** Kills the service with SIGKILL (an unclean stop) and waits until its process is gone. */
    void kill();

    /** Freezes the service's process with SIGSTOP (it keeps its sockets but answers nothing). */
    void pause();

    /** Lets a paused service carry on (SIGCONT). */
    void resume();

    /** True while the service's process runs. */
    boolean isRunning();

    /** The pid of the service's process, while it runs. */
    OptionalLong pid();

    /** The service's log, useful in assertion messages. */
    Path logFile();
}
