package io.ticklake.spark.backfill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Running totals of a backfill on the driver, added to after each micro-batch. */
final class BackfillTotals {

    private static final int MAX_ERROR_SAMPLES = 100;

    private long batches;
    private long records;
    private long landed;
    private long files;
    private long bytes;
    private long beyond;
    private long undecodable;
    private long deadLettered;
    private final List<String> errors = new ArrayList<>();

    synchronized void add(BatchLanding batch) {
        batches++;
        records += batch.records();
        landed += batch.landed();
        files += batch.files().size();
        bytes += batch.bytes();
        beyond += batch.beyondBounds();
        undecodable += batch.undecodable();
        deadLettered += batch.deadLettered();
        for (String error : batch.errorSamples()) {
            if (errors.size() < MAX_ERROR_SAMPLES) {
                errors.add(error);
            }
        }
    }

    synchronized BackfillResult result(Duration duration) {
        return new BackfillResult(batches, records, landed, files, bytes, beyond, undecodable, deadLettered, errors,
                duration);
    }
}
