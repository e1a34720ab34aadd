package io.ticklake.spark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The peers' figures: printed as a Markdown table and, for {@code scripts/bench}, written as TSV with the
 * columns {@code metric, value, unit, target, load, note} (value a plain number, target like {@code >=100000}
 * or empty, load the median 1-minute load average while it was measured).
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

    synchronized void writeTsv(Path file) throws IOException {
        StringBuilder tsv = new StringBuilder();
        for (Row row : rows) {
            tsv.append(String.join("\t", clean(row.metric()), Double.isNaN(row.value()) ? "" : String.format(
                    Locale.ROOT, "%.3f", row.value()), clean(row.unit()), clean(row.target()),
                    String.format(Locale.ROOT, "%.1f", row.load()), clean(row.note()))).append('\n');
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, tsv);
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
