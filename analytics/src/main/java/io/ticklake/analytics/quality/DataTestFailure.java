package io.ticklake.analytics.quality;

import java.util.List;
import java.util.Map;

/**
 * A test that found failing rows.
 *
 * @param test        the test's name
 * @param failingRows how many rows failed
 * @param sample      the first failing rows, column by column
 */
public record DataTestFailure(String test, long failingRows, List<Map<String, Object>> sample) {

    public DataTestFailure {
        sample = List.copyOf(sample);
    }
}
