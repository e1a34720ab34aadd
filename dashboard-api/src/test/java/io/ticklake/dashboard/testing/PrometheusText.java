package io.ticklake.dashboard.testing;

import java.util.HashMap;
import java.util.Map;

/** Reads Prometheus' text format into metric name to value, summed over the label sets of a name. */
public final class PrometheusText {

    private PrometheusText() {
    }

    public static Map<String, Double> parse(String text) {
        Map<String, Double> values = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            int labels = line.indexOf('{');
            String name = line.substring(0, labels >= 0 && labels < space ? labels : space).trim();
            values.merge(name, Double.parseDouble(line.substring(space + 1).trim()), Double::sum);
        }
        return values;
    }
}
