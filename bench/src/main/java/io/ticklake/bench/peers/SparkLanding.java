package io.ticklake.bench.peers;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** A Spark landing of the peer benchmark's topic into a lake under a directory of its own. */
abstract class SparkLanding {

    protected final SparkSession spark;
    protected final String bootstrap;
    protected final String registry;
    protected final LoadSampler load;

    SparkLanding(SparkSession spark, String bootstrap, String registry, LoadSampler load) {
        this.spark = spark;
        this.bootstrap = bootstrap;
        this.registry = registry;
        this.load = load;
    }

    /**
     * Lands all of {@code topic} (checked: {@code expected} rows) under {@code dir}.
     *
     * @param maxOffsetsPerTrigger cap per micro-batch, or null for none
     */
    abstract LandingResult land(String topic, long expected, Path dir, Long maxOffsetsPerTrigger) throws Exception;
}
