package io.ticklake.spark.backfill;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;

/** A started backfill: wait for it (available-now ends by itself) or stop it (continuous). */
public final class RunningBackfill {

    private final StreamingQuery query;
    private final BackfillTotals totals;
    private final long startedNanos;

    RunningBackfill(StreamingQuery query, BackfillTotals totals, long startedNanos) {
        this.query = query;
        this.totals = totals;
        this.startedNanos = startedNanos;
    }

    /** Waits until the query ends; rethrows what made it fail. */
    public BackfillResult awaitResult() throws StreamingQueryException {
        query.awaitTermination();
        return result();
    }

    /** Stops after the running batch (which completes or is replayed on the next start) and returns the totals. */
    public BackfillResult stop() throws TimeoutException {
        query.stop();
        return result();
    }

    public boolean isActive() {
        return query.isActive();
    }

    /** The totals so far. */
    public BackfillResult result() {
        return totals.result(Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    public StreamingQuery query() {
        return query;
    }
}
