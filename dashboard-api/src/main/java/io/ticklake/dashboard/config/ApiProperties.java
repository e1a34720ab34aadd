package io.ticklake.dashboard.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Limits of the REST API ({@code ticklake.api.*}): the default and the largest time range of a KPI
 * query, both counted in windows of the requested size (so a 1h query may span further than a 1m one).
 */
@ConfigurationProperties("ticklake.api")
public class ApiProperties {

    @Min(1)
    @Max(100_000)
    private int defaultRangeWindows = 120;
    @Min(1)
    @Max(100_000)
    private int maxRangeWindows = 1440;

    /** Windows returned when {@code from} is not given: the last N windows before {@code to}. */
    public int getDefaultRangeWindows() {
        return defaultRangeWindows;
    }

    public void setDefaultRangeWindows(int defaultRangeWindows) {
        this.defaultRangeWindows = defaultRangeWindows;
    }

    /** Largest {@code to - from} accepted, in windows; beyond it the answer is 400 naming {@code from}. */
    public int getMaxRangeWindows() {
        return maxRangeWindows;
    }

    public void setMaxRangeWindows(int maxRangeWindows) {
        this.maxRangeWindows = maxRangeWindows;
    }
}
