package io.ticklake.spark.testing;

import io.ticklake.spark.session.SparkSessions;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** The test JVM's one Spark session: local mode, two shuffle partitions, so the suite stays quick. */
public final class TestSpark {

    private static SparkSession session;

    private TestSpark() {
    }

    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSessions.getOrCreate("ticklake-spark-jobs-tests", Map.of(
                    "spark.master", "local[2]",
                    "spark.sql.shuffle.partitions", "2",
                    "spark.ui.enabled", "false",
                    "spark.driver.host", "127.0.0.1",
                    "spark.driver.bindAddress", "127.0.0.1"));
        }
        return session;
    }
}
