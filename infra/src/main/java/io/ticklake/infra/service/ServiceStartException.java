package io.ticklake.infra.service;

import io.ticklake.infra.process.LogTail;

import java.nio.file.Path;

/** A service did not come up; the message names the service, the reason and its last log lines. */
public class ServiceStartException extends RuntimeException {

    private static final int LOG_LINES = 25;

    private final String service;

    public ServiceStartException(String service, String reason, Throwable cause) {
        super(service + " failed to start: " + reason, cause);
        this.service = service;
    }

    public ServiceStartException(String service, String reason) {
        this(service, reason, null);
    }

    /** A failure explained by the service's own log. */
    public static ServiceStartException withLog(String service, String reason, Path logFile, Throwable cause) {
        return new ServiceStartException(service, reason + "\nlast lines of " + logFile + ":\n"
                + LogTail.format(logFile, LOG_LINES), cause);
    }

    public String service() {
        return service;
    }
}
