package io.ticklake.analytics.quality;

import io.ticklake.analytics.AnalyticsException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A model's data tests failed; the model was not published. The message names the model, tests and rows. */
public final class DataTestFailureException extends AnalyticsException {

    private final String model;
    private final List<DataTestFailure> failures;

    public DataTestFailureException(String model, List<DataTestFailure> failures) {
        super(describe(model, failures));
        this.model = model;
        this.failures = List.copyOf(failures);
    }

    public String model() {
        return model;
    }

    public List<DataTestFailure> failures() {
        return failures;
    }

    private static String describe(String model, List<DataTestFailure> failures) {
        StringBuilder text = new StringBuilder("data tests failed for model '").append(model).append("' (")
                .append(failures.size()).append(failures.size() == 1 ? " test" : " tests")
                .append("); the model was not published");
        for (DataTestFailure failure : failures) {
            text.append("\n  test ").append(failure.test()).append(": ").append(failure.failingRows())
                    .append(failure.failingRows() == 1 ? " failing row" : " failing rows");
            if (failure.sample().size() < failure.failingRows()) {
                text.append(", first ").append(failure.sample().size());
            }
            for (Map<String, Object> row : failure.sample()) {
                text.append("\n    ").append(row.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ", "{", "}")));
            }
        }
        return text.toString();
    }
}
