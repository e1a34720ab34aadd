package io.ticklake.spark.backfill;

/**
 * Told on the driver after a micro-batch's files are landed and before Spark records the batch as done.
 * A crash at this point is the worst case for duplicates; the kill test stops the JVM here.
 */
@FunctionalInterface
public interface BatchListener {

    BatchListener NONE = (batchId, landing) -> { };

    void onBatchLanded(long batchId, BatchLanding landing) throws Exception;
}
