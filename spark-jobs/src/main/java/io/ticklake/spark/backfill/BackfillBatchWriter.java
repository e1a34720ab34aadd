package io.ticklake.spark.backfill;

import io.ticklake.spark.parquet.WrittenFile;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code foreachBatch} sink: lands each Kafka partition's slice of the micro-batch with a
 * {@link PartitionLander} task and adds the outcome to the run's totals. Spark records the batch as done
 * only after this returns, so everything reported here is durable in the lake.
 */
final class BackfillBatchWriter implements VoidFunction2<Dataset<Row>, Long> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BackfillBatchWriter.class);

    private final transient PartitionLander lander;
    private final transient BackfillTotals totals;
    private final transient BatchListener listener;

    BackfillBatchWriter(PartitionLander lander, BackfillTotals totals, BatchListener listener) {
        this.lander = lander;
        this.totals = totals;
        this.listener = listener;
    }

    @Override
    public void call(Dataset<Row> batch, Long batchId) throws Exception {
        List<LandingReport> reports = batch.select("key", "value", "topic", "partition", "offset", "timestamp")
                .mapPartitions(lander, Encoders.javaSerialization(LandingReport.class))
                .collectAsList();
        long records = 0;
        long landed = 0;
        long beyond = 0;
        long undecodable = 0;
        long deadLettered = 0;
        long bytes = 0;
        List<String> files = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (LandingReport report : reports) {
            records += report.records();
            landed += report.landed();
            beyond += report.beyondBounds();
            undecodable += report.undecodable();
            deadLettered += report.deadLettered();
            for (WrittenFile file : report.files()) {
                files.add(file.uri());
                bytes += file.bytes();
            }
            errors.addAll(report.errors());
        }
        BatchLanding landing = new BatchLanding(batchId, records, landed, beyond, undecodable, deadLettered, files,
                bytes, errors);
        if (undecodable > 0) {
            LOG.warn("Batch {}: {} undecodable record(s) not landed{}; first: {}", batchId, undecodable,
                    deadLettered > 0 ? " (sent to the dead-letter topic)" : "", errors);
        }
        LOG.info("Batch {}: {} records, {} rows landed in {} file(s), {} beyond bounds, {} undecodable", batchId,
                records, landed, files.size(), beyond, undecodable);
        listener.onBatchLanded(batchId, landing);
        totals.add(landing);
    }
}
