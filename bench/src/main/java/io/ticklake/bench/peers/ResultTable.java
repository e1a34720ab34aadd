package io.ticklake.bench.peers;

import io.ticklake.infra.bench.BenchRow;
import io.ticklake.infra.bench.Machine;
import io.ticklake.infra.bench.RowWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The peers' figures: printed as a Markdown table (with a note each) and, for {@code ./ticklake bench}, written
 * as benchmark rows (JSON lines), each with the median 1-minute load average while it was measured; a target
 * is written like {@code ≥ 100,000}, or empty.
 */
final class ResultTable {

    /** One figure. */
    record Row(String metric, double value, String unit, String target, double load, String note) {
    }

    private final List<Row> rows = new ArrayList<>();

    synchronized void add(String metric, double value, String unit, String target, double load, String note) {
        rows.add(new Row(metric, value, unit, target, load, note));
    }

    synchronized void print() {
        System.out.println("| metric | value | unit | target | load | note |");
        System.out.println("|---|---:|---|---|---:|---|");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %.1f | %s |%n", row.metric(), format(row.value()),
                    row.unit(), row.target().isEmpty() ? "-" : row.target(), row.load(), row.note());
        }
    }

    /** Writes every measured figure as a row of {@code harness} (a figure that could not be measured is left out). */
    synchronized void write(RowWriter out, String harness) {
        String machine = Machine.describe();
        for (Row row : rows) {
            if (Double.isNaN(row.value())) {
                System.err.println("peer benchmark: no figure for '" + row.metric() + "'");
                continue;
            }
            out.write(new BenchRow(harness, row.metric(), row.value(), row.unit(), row.target(),
                    BenchRow.meets(row.value(), row.target()), null, null, null, null, row.load(), machine));
        }
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        double magnitude = Math.abs(value);
        return String.format(Locale.ROOT, magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : "%.2f", value);
    }

    private static String clean(String text) {
        return text.replace('\t', ' ').replace('\n', ' ');
    }
}
