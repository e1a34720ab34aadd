package io.ticklake.simulator.cli;

/** The CLI's exit codes. */
public final class ExitCodes {

    /** Every tick handed to Kafka was acknowledged. */
    public static final int OK = 0;
    /** Some ticks were not delivered, or the run failed while producing. */
    public static final int FAILED = 1;
    /** Bad command line (picocli's own code). */
    public static final int USAGE = 2;
    /** A start-up check failed: broker or registry unreachable, topic missing, or the registry refused the schema. */
    public static final int UNAVAILABLE = 3;
    /** The input cannot be used: a malformed CSV line under --on-bad-line=fail, a missing API key. */
    public static final int BAD_INPUT = 4;

    private ExitCodes() {
    }
}
