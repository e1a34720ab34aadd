package io.ticklake.analytics.run;

import io.ticklake.analytics.time.TimeRange;

/**
 * What one model did in a run.
 *
 * @param model      the model's name
 * @param range      the range its rows were recomputed for (empty when skipped; the span of the ranges
 *                   when a run rebuilt several)
 * @param rows       rows computed for that range
 * @param partitions day files published (0 for a table model)
 * @param tests      data tests run and passed
 * @param millis     wall time, model and tests and publishing
 */
public record ModelResult(String model, TimeRange range, long rows, int partitions, int tests, long millis) {

    public boolean skipped() {
        return range.isEmpty();
    }

    /** This result and another pass's result of the same model together. */
    ModelResult plus(ModelResult other) {
        TimeRange span = skipped() ? other.range : other.skipped() ? range : range.span(other.range);
        return new ModelResult(model, span, rows + other.rows, partitions + other.partitions, tests + other.tests,
                millis + other.millis);
    }
}
