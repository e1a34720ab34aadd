package io.ticklake.infra.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** What the figures were measured on, written next to each of them. */
public final class Machine {

    private Machine() {
    }

    /** e.g. "2 cores, 24 GiB, Java 17.0.15". */
    public static String describe() {
        long bytes = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(Locale.ROOT, "%d cores, %d GiB, Java %s", Runtime.getRuntime().availableProcessors(),
                Math.round(bytes / (double) (1L << 30)), System.getProperty("java.version"));
    }

    /** The 1-minute load average (the system's, benchmark included). */
    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
