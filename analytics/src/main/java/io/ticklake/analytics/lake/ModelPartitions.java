package io.ticklake.analytics.lake;

import io.ticklake.lake.LakeUri;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a model's Parquet lives: one file per UTC day,
 * {@code <lake>/models/<model>/year=YYYY/month=MM/day=DD/part-00000.parquet}, laid out like the rest of
 * the lake so hive-partitioned readers (DuckDB, Spark) see year, month and day columns.
 */
public final class ModelPartitions {

    private static final Pattern DAY_FILE = Pattern.compile(".*/year=(\\d{4})/month=(\\d{2})/day=(\\d{2})/part-\\d{5}\\.parquet$");

    private final LakeUri lake;

    public ModelPartitions(LakeUri lake) {
        this.lake = lake;
    }

    public String modelRoot(String model) {
        return lake.duckDbPath("models/" + model);
    }

    /** The directory of one day (relative to the model root). */
    public static String dayDirectory(LocalDate day) {
        return String.format("year=%04d/month=%02d/day=%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
    }

    public String dayFile(String model, LocalDate day) {
        return modelRoot(model) + "/" + dayDirectory(day) + "/part-00000.parquet";
    }

    /** A glob matching every published file of the model. */
    public String allFiles(String model) {
        return modelRoot(model) + "/year=*/month=*/day=*/part-*.parquet";
    }

    /** The day a published file belongs to. */
    public static LocalDate dayOf(String file) {
        Matcher m = DAY_FILE.matcher(file);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a model partition file: " + file);
        }
        return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }
}
