package io.ticklake.analytics.cli;

import io.ticklake.analytics.AnalyticsConfig;
import io.ticklake.analytics.AnalyticsException;
import io.ticklake.analytics.ConfigKey;
import io.ticklake.analytics.model.ModelCatalog;
import io.ticklake.analytics.model.ModelDefinition;
import io.ticklake.analytics.quality.ThresholdBreach;
import io.ticklake.analytics.run.AnalyticsRunner;
import io.ticklake.analytics.run.BuildScope;
import io.ticklake.analytics.run.RunResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar analytics.jar run --lake <uri> [--hour H | --day D | --from H --to H | --changed | --full]}: builds the
 * models; {@code quality} checks the published rows of the models' threshold columns; {@code models} lists them in
 * run order. Exit codes: 0 done, 1 the run failed (a model's SQL, a data test, the lake; for {@code quality}, a row
 * above a fail level), 2 the command line is wrong.
 */
public final class AnalyticsCli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private AnalyticsCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs a command; returns the exit code. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            CommandLine line = CommandLine.parse(args);
            if (line.flags().contains("help")) {
                out.print(usage());
                return OK;
            }
            switch (line.command()) {
                case "run":
                    return runModels(line, env, out, err);
                case "quality":
                    return checkQuality(line, env, out, err);
                case "models":
                    printModels(line, env, out);
                    return OK;
                case "help":
                case "--help":
                case "-h":
                    out.print(usage());
                    return OK;
                default:
                    throw new UsageException("unknown command '" + line.command() + "' (commands: run, quality, models, help)");
            }
        } catch (UsageException e) {
            err.println("analytics: " + e.getMessage());
            err.print(usage());
            return USAGE;
        } catch (AnalyticsException e) {
            err.println("analytics: FAILED: " + e.getMessage());
            return FAILED;
        }
    }

    private static int runModels(CommandLine line, Map<String, String> env, PrintStream out, PrintStream err)
            throws UsageException {
        BuildScope scope = ScopeArguments.parse(line.options(), line.flags());
        AnalyticsConfig config;
        try {
            config = AnalyticsConfig.from(line.options(), env);
            config.requireCatalog();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        RunResult result = AnalyticsRunner.create(config, new ConsoleReporter(err)).run(scope);
        ConsoleReporter.printTable(result, out);
        return OK;
    }

    private static int checkQuality(CommandLine line, Map<String, String> env, PrintStream out, PrintStream err)
            throws UsageException {
        BuildScope scope = ScopeArguments.parse(line.options(), line.flags());
        if (scope.isChanged()) {
            throw new UsageException("quality checks hours (--hour, --day, --from/--to) or everything published (--full),"
                    + " not --changed");
        }
        List<ThresholdBreach> breaches;
        try {
            AnalyticsConfig config = AnalyticsConfig.from(line.options(), env);
            breaches = AnalyticsRunner.create(config, new ConsoleReporter(err)).checkQuality(scope.requestedHours());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        List<ThresholdBreach> failures = breaches.stream().filter(b -> b.level().equals("fail")).toList();
        breaches.stream().filter(b -> b.level().equals("warn")).forEach(b -> err.println("analytics: WARNING: " + b));
        String checked = scope.requestedHours().map(Object::toString).orElse("everything published");
        if (!failures.isEmpty()) {
            StringBuilder message = new StringBuilder("quality thresholds failed in " + checked + " ("
                    + failures.size() + (failures.size() == 1 ? " row" : " rows") + " above a fail level):");
            failures.forEach(f -> message.append("\n  ").append(f));
            throw new AnalyticsException(message.toString());
        }
        out.println("quality " + checked + ": no threshold failed, " + breaches.size() + " warnings");
        return OK;
    }

    private static void printModels(CommandLine line, Map<String, String> env, PrintStream out) {
        ModelCatalog catalog = ConfigKey.MODELS_DIR.lookup(line.options(), env).map(Path::of)
                .map(ModelCatalog::fromDirectory).orElseGet(ModelCatalog::builtIn);
        String format = "%-18s %-13s %-6s %-9s %s%n";
        out.printf(format, "model", "materialized", "grain", "lookback", "depends_on");
        for (ModelDefinition m : catalog.models()) {
            out.printf(format, m.name(), m.materialization(), m.grain(), m.lookback().isZero() ? "0" : m.lookback(),
                    String.join(", ", m.dependsOn()));
        }
    }

    static String usage() {
        StringBuilder text = new StringBuilder();
        text.append("usage: java -jar analytics.jar run --lake <uri> [--hour 2026-11-20T14 | --day 2026-11-20 |"
                + " --from 2026-11-20T10 --to 2026-11-20T15 | --changed | --full] [options]\n");
        text.append("       java -jar analytics.jar quality --lake <uri> [--hour H | --day D | --from H --to H | --full]"
                + " [--quality.<column>.warn|fail <number|off>]\n");
        text.append("       java -jar analytics.jar models [--models-dir <dir>]\n");
        text.append("  --hour, --day, --from/--to  rebuild what depends on these compacted hours (UTC; --to exclusive)\n");
        text.append("  --changed                   rebuild what depends on the hours of ticklake.ticks whose data files changed\n"
                + "                              since the models were built from them\n");
        text.append("  --full                      rebuild every model from every hour of ticklake.ticks (the default)\n");
        text.append("  --quality.<column>.warn|fail <n> the level above which quality reports (warn) or fails on (fail) a row of a\n"
                + "                              model's threshold column, e.g. --quality.gap-ratio.fail 0.01; off for none\n");
        text.append("  --catalog.<property> <value> an Iceberg catalog property, passed as given (e.g. --catalog.header.X-Tenant);\n"
                + "                               a REST catalog's secrets: TICKLAKE_CATALOG_CREDENTIAL, TICKLAKE_CATALOG_TOKEN\n");
        for (ConfigKey key : ConfigKey.values()) {
            text.append(String.format("  --%-26s %s [env %s; default %s]%n", key.option() + " <value>", key.description(),
                    String.join(" or ", key.environment()), key.defaultText()));
        }
        return text.toString();
    }
}
