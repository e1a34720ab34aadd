package io.ticklake.spark.cli;

import io.ticklake.spark.backfill.Backfill;
import io.ticklake.spark.backfill.BackfillOptions;
import io.ticklake.spark.backfill.BackfillResult;
import io.ticklake.spark.backfill.RunningBackfill;
import io.ticklake.spark.compaction.BadRawFilesException;
import io.ticklake.spark.compaction.Compaction;
import io.ticklake.spark.compaction.CompactionOptions;
import io.ticklake.spark.compaction.CompactionResult;
import io.ticklake.spark.maintenance.Maintenance;
import io.ticklake.spark.maintenance.MaintenanceOptions;
import io.ticklake.spark.maintenance.MaintenanceResult;
import io.ticklake.spark.options.InvalidOptionException;
import io.ticklake.spark.options.JobOption;
import io.ticklake.spark.options.JobOptions;
import io.ticklake.spark.session.SparkSessions;
import io.ticklake.spark.table.CatalogOptions;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/**
 * Entry point of {@code bin/spark-job} and of {@code spark-submit}: {@code backfill}, {@code compact} or
 * {@code maintain} with their options. Logs go to stderr; the result is printed to stdout as one JSON line
 * for schedulers.
 * Exit codes: 0 done, 1 the job failed, 2 bad command line or option (nothing was run).
 */
public final class SparkJobCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private SparkJobCli() {
    }

    public static void main(String[] args) {
        int code = run(Arrays.asList(args), System.out, System.err);
        System.exit(code);
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLine command;
        try {
            command = CommandLine.parse(args, SparkJobCli::flagsOf);
        } catch (UsageException e) {
            err.println("spark-job: " + e.getMessage());
            err.println(usage());
            return USAGE;
        }
        List<JobOption<?>> declared = declared(command.job());
        if (declared == null) {
            err.println("spark-job: unknown job '" + command.job() + "'");
            err.println(usage());
            return USAGE;
        }
        if (command.help()) {
            out.println(help(command.job(), declared));
            return OK;
        }
        try {
            // validate before the (slow) Spark start, so a typo fails in a second
            if (command.job().equals("maintain")) {
                MaintenanceOptions.parse(command.options()); // the retention guards too
            } else {
                JobOptions.parse(command.job(), declared,
                        command.job().equals("backfill") ? List.of(BackfillOptions.KAFKA_PREFIX)
                                : List.of(CatalogOptions.PASS_THROUGH_PREFIX),
                        command.options());
            }
        } catch (InvalidOptionException e) {
            err.println("spark-job " + command.job() + ": " + e.getMessage());
            return USAGE;
        }
        SparkSession spark = SparkSessions.getOrCreate("ticklake-" + command.job(), command.sparkConf());
        try {
            if (command.job().equals("compact")) {
                CompactionResult result = Compaction.in(spark).options(command.options()).execute();
                out.println(result.toJson());
            } else if (command.job().equals("maintain")) {
                MaintenanceResult result = Maintenance.in(spark).options(command.options()).execute();
                out.println(result.toJson());
            } else {
                RunningBackfill running = Backfill.in(spark).options(command.options()).start();
                // SIGTERM (a scheduler stopping a continuous run) ends the query cleanly
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(running)));
                BackfillResult result = running.awaitResult();
                out.println(result.toJson());
            }
            return OK;
        } catch (InvalidOptionException e) {
            err.println("spark-job " + command.job() + ": " + e.getMessage());
            return USAGE;
        } catch (BadRawFilesException e) {
            err.println("spark-job " + command.job() + ": " + e.getMessage());
            return FAILED;
        } catch (Exception e) {
            err.println("spark-job " + command.job() + " failed: " + e);
            e.printStackTrace(err);
            return FAILED;
        } finally {
            spark.stop();
        }
    }

    private static void stopQuietly(RunningBackfill running) {
        try {
            if (running.isActive()) {
                running.stop();
            }
        } catch (Exception e) {
            // the JVM is going down; the checkpoint makes the next run resume anyway
        }
    }

    private static List<JobOption<?>> declared(String job) {
        return switch (job) {
            case "backfill" -> BackfillOptions.ALL;
            case "compact" -> CompactionOptions.ALL;
            case "maintain" -> MaintenanceOptions.ALL;
            default -> null;
        };
    }

    /** The job's switches, which the command line takes without a value ({@code --force}). */
    private static Set<String> flagsOf(String job) {
        List<JobOption<?>> declared = declared(job);
        return declared == null ? Set.of()
                : declared.stream().filter(JobOption::isFlag).map(JobOption::name).collect(Collectors.toSet());
    }

    static String usage() {
        return "usage: spark-job <backfill|compact|maintain> [--option value]... [--conf spark.key=value]...\n"
                + "       spark-job <backfill|compact|maintain> --help   lists the options";
    }

    static String help(String job, List<JobOption<?>> declared) {
        StringBuilder text = new StringBuilder("spark-job " + job + " options:\n");
        for (JobOption<?> option : declared) {
            String suffix = option.isRequired() ? " (required)"
                    : option.isFlag() ? " (a switch: --" + option.name() + " alone means true)"
                    : option.defaultText() == null ? "" : " (default " + option.defaultText() + ")";
            text.append(String.format("  --%-24s %s%s%n", option.name(), option.doc(), suffix));
        }
        if (job.equals("backfill")) {
            text.append("  --kafka.<key>                any Kafka consumer setting, e.g. --kafka.security.protocol SSL\n");
        }
        text.append("  --conf spark.<key>=<value>   any Spark setting");
        return text.toString();
    }
}
