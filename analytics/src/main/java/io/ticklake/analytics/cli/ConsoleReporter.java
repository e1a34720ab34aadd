package io.ticklake.analytics.cli;

import io.ticklake.analytics.run.BuildPlan;
import io.ticklake.analytics.run.ModelResult;
import io.ticklake.analytics.run.RunListener;
import io.ticklake.analytics.run.RunResult;
import io.ticklake.analytics.time.TimeRange;
import java.io.PrintStream;
import java.time.Instant;

/** Prints progress lines while a run goes and a table of what each model did at its end. */
final class ConsoleReporter implements RunListener {

    private final PrintStream progress;

    ConsoleReporter(PrintStream progress) {
        this.progress = progress;
    }

    @Override
    public void planned(BuildPlan plan) {
        progress.println("[analytics] " + Instant.now() + " building from compacted hours " + plan.changed());
    }

    @Override
    public void modelStarted(String model, TimeRange range) {
        progress.println("[analytics] " + Instant.now() + " " + model + " " + range);
    }

    @Override
    public void modelFinished(ModelResult result) {
        progress.println("[analytics] " + Instant.now() + " " + result.model() + " done: " + result.rows() + " rows, "
                + result.partitions() + " partitions, " + result.tests() + " tests passed, " + result.millis() + " ms");
    }

    @Override
    public void message(String text) {
        progress.println("[analytics] " + Instant.now() + " " + text);
    }

    static void printTable(RunResult result, PrintStream out) {
        String format = "%-18s %-48s %12s %10s %6s %9s%n";
        out.printf(format, "model", "range", "rows", "partitions", "tests", "ms");
        for (ModelResult m : result.models()) {
            out.printf(format, m.model(), m.skipped() ? "(unchanged)" : m.range().toString(), m.rows(), m.partitions(),
                    m.tests(), m.millis());
        }
        out.printf("run %s finished in %d ms%n", result.scope(), result.millis());
    }
}
