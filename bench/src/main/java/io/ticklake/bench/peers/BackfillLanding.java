package io.ticklake.bench.peers;

import io.ticklake.spark.backfill.Backfill;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * spark-jobs' own backfill ({@link Backfill}, Structured Streaming with {@code foreachBatch} and contract-exact
 * parquet-java files) over the same topic, as a third landing: what our Spark path costs next to Spark's stock
 * file sink and the Connect sink.
 */
final class BackfillLanding extends SparkLanding {

    BackfillLanding(SparkSession spark, String bootstrap, String registry, LoadSampler load) {
        super(spark, bootstrap, registry, load);
    }

    @Override
    LandingResult land(String topic, long expected, Path dir, Long maxOffsetsPerTrigger) throws Exception {
        Path lake = dir.resolve("lake");
        Map<String, String> options = new HashMap<>(Map.of("lake", lake.toUri().toString(), "bootstrap-servers",
                bootstrap, "schema-registry-url", registry, "checkpoint", dir.resolve("checkpoint").toUri().toString(),
                "topic", topic, "trigger", "available-now"));
        if (maxOffsetsPerTrigger != null) {
            options.put("max-offsets-per-trigger", maxOffsetsPerTrigger.toString());
        }
        int mark = load.mark();
        long started = System.nanoTime();
        Backfill.in(spark).options(options).execute();
        double seconds = (System.nanoTime() - started) / 1e9;
        double loadAverage = load.medianSince(mark);
        LandedFiles.Summary landed = new LandedFiles(lake.resolve("raw").resolve("stock_ticks")).scan();
        if (landed.rows() != expected) {
            throw new IllegalStateException("the backfill landed " + landed.rows() + " rows of " + expected);
        }
        return new LandingResult(landed.rows(), seconds, landed.files(), landed.hourDirectories(), landed.bytes(),
                loadAverage);
    }
}
