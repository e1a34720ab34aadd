package io.ticklake.spark.backfill;

import io.ticklake.spark.session.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.spark.sql.SparkSession;

/**
 * A backfill in a JVM of its own, for the kill test: {@code key=value} options as arguments. After the
 * files of batch {@code hang.batch} have landed (and before Spark records the batch as done) it writes
 * the file {@code hang.marker} and blocks, waiting to be killed.
 */
public final class BackfillChild {

    private BackfillChild() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        long hangBatch = Long.parseLong(options.remove("hang.batch"));
        Path marker = Path.of(options.remove("hang.marker"));
        SparkSession spark = SparkSessions.getOrCreate("backfill-child", Map.of("spark.master", "local[2]",
                "spark.sql.shuffle.partitions", "2", "spark.driver.host", "127.0.0.1",
                "spark.driver.bindAddress", "127.0.0.1"));
        Backfill.in(spark).options(options).listener((batchId, landing) -> {
            if (batchId == hangBatch) {
                Files.writeString(marker, String.join("\n", landing.files()));
                new CountDownLatch(1).await();
            }
        }).execute();
        System.exit(0);
    }
}
