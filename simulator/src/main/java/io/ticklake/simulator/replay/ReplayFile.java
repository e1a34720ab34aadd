package io.ticklake.simulator.replay;

import java.nio.file.Path;
import java.util.List;

/**
 * A replay file as read: its events in time order, and what was left out.
 *
 * @param events       bars or ticks, sorted by time (stable: file order on ties)
 * @param dataLines    data lines read (not counting the header, comments and blank lines)
 * @param skippedLines malformed lines left out under {@link BadLinePolicy#SKIP}
 * @param skipReasons  "file:line: reason" of the first skipped lines
 */
public record ReplayFile(Path file, List<ReplayEvent> events, long dataLines, long skippedLines,
                         List<String> skipReasons) {

    /** How many skip reasons are kept for messages. */
    public static final int MAX_REASONS_KEPT = 20;

    public ReplayFile {
        events = List.copyOf(events);
        skipReasons = List.copyOf(skipReasons);
    }
}
