package io.ticklake.spark.compaction;

import io.ticklake.spark.session.SparkSessions;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * A compaction in a JVM of its own, for the kill test: {@code key=value} options as arguments. At step
 * {@code die.at} of its first attempt it halts the JVM at once (exit 137, no shutdown hooks, no cleanup), as
 * a SIGKILL or a lost node would.
 */
public final class CompactionChild {

    static final int KILLED = 137;

    private CompactionChild() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        CompactionStep dieAt = CompactionStep.valueOf(options.remove("die.at"));
        SparkSession spark = SparkSessions.getOrCreate("compaction-child", Map.of("spark.master", "local[2]",
                "spark.sql.shuffle.partitions", "2", "spark.driver.host", "127.0.0.1",
                "spark.driver.bindAddress", "127.0.0.1"));
        Compaction.in(spark).options(options).listener((step, hours, attempt) -> {
            if (step == dieAt) {
                Runtime.getRuntime().halt(KILLED);
            }
        }).execute();
        System.exit(0);
    }
}
