package io.ticklake.simulator.replay;

/** What a replay does with a malformed CSV line. */
public enum BadLinePolicy {
    /** Stop before anything is produced, naming the file and line. */
    FAIL,
    /** Leave the line out, log it with file and line, and count it in the summary. */
    SKIP
}
