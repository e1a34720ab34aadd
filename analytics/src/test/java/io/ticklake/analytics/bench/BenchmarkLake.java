package io.ticklake.analytics.bench;

import io.ticklake.analytics.testing.FixtureLake;
import io.ticklake.analytics.testing.Tick;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates one day of compacted ticks: the Iceberg table {@code ticklake.ticks} with 24 hours, each
 * committed as compaction commits it (one data file per hour written by Iceberg's Parquet writer, sorted by
 * symbol and event time). Prices follow a per-symbol random walk; ticks are spread evenly over the day.
 * Reused when a marker file says the same parameters made it.
 */
final class BenchmarkLake {

    private BenchmarkLake() {
    }

    static void ensure(Path dir, String day, long rows, int symbols) throws IOException {
        String marker = "rows=" + rows + " symbols=" + symbols + " day=" + day + " format=iceberg-1";
        Path markerFile = dir.resolve("bench-lake.txt");
        if (Files.exists(markerFile) && Files.readString(markerFile).equals(marker)) {
            System.out.println("reusing the generated lake in " + dir);
            return;
        }
        ModelBuildBenchmark.deleteRecursively(dir);
        Files.createDirectories(dir);
        System.out.printf("generating %,d ticks for %s in %s ...%n", rows, day, dir);
        // at least the ticks asked for: every hour gets the same share, rounded up
        long perHour = (rows + 23) / 24;
        long dayStartMs = LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        Random random = new Random(20261120L);
        double[] prices = new double[symbols];
        for (int s = 0; s < symbols; s++) {
            prices[s] = 50 + s * 3;
        }
        try (FixtureLake lake = new FixtureLake(dir.toString())) {
            for (int h = 0; h < 24; h++) {
                long hourMs = dayStartMs + h * 3_600_000L;
                List<Tick> ticks = new ArrayList<>((int) perHour);
                for (long i = 0; i < perHour; i++) {
                    int sym = (int) (i % symbols);
                    prices[sym] = Math.max(1.0, prices[sym] + (random.nextDouble() - 0.5) * 0.2);
                    ticks.add(new Tick(String.format("S%03d", sym), prices[sym], random.nextInt(500),
                            Instant.ofEpochMilli(hourMs + i * 3_600_000L / perHour), sym % 6, h * perHour + i, h * perHour + i));
                }
                lake.publishHour(Instant.ofEpochMilli(hourMs), ticks, 1);
            }
        }
        Files.writeString(markerFile, marker);
    }
}
