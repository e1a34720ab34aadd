package io.ticklake.spark.session;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Creates the session the jobs run in. Under {@code spark-submit} the master and resources come from
 * there; started any other way (the launcher, tests) it is {@code local[*]}. Either way the defaults below
 * apply unless set explicitly.
 */
public final class SparkSessions {

    private SparkSessions() {
    }

    /** @param overrides {@code spark.*} settings that win over everything else */
    public static SparkSession getOrCreate(String appName, Map<String, String> overrides) {
        SparkConf conf = new SparkConf(); // picks up spark.* system properties, which spark-submit sets
        overrides.forEach(conf::set);
        boolean local = !conf.contains("spark.master");
        if (local) {
            conf.setMaster("local[*]");
            // no web UI on a fixed port for a local job; set spark.ui.enabled=true to get one
            conf.setIfMissing("spark.ui.enabled", "false");
            // a local run has a few cores: Spark's default of 200 shuffle partitions is pure overhead
            conf.setIfMissing("spark.sql.shuffle.partitions",
                    Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors() * 2)));
        }
        // partition values and timestamps are UTC throughout the lake
        conf.setIfMissing("spark.sql.session.timeZone", "UTC");
        // should anything be written by Spark's own Parquet writer, timestamps stay TIMESTAMP(MILLIS, UTC)
        conf.setIfMissing("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MILLIS");
        conf.setIfMissing("spark.sql.datetime.java8API.enabled", "true");
        return SparkSession.builder().appName(appName).config(conf).getOrCreate();
    }
}
