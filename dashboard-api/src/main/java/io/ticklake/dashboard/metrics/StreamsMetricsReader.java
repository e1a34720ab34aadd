package io.ticklake.dashboard.metrics;

import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Sums Kafka client metrics by group, name and tags, e.g. {@code records-consumed-total} of the
 * fetch manager for one topic over every stream thread's consumer. A metric that has no value yet
 * (NaN, -Infinity before the first fetch) counts as 0.
 */
final class StreamsMetricsReader {

    static final String FETCH_MANAGER = "consumer-fetch-manager-metrics";

    private StreamsMetricsReader() {
    }

    static double sum(Map<MetricName, ? extends Metric> metrics, String group, String name,
                      Predicate<Map<String, String>> tags) {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
            MetricName metricName = entry.getKey();
            if (metricName.group().equals(group) && metricName.name().equals(name) && tags.test(metricName.tags())
                    && entry.getValue().metricValue() instanceof Number number && Double.isFinite(number.doubleValue())) {
                total += number.doubleValue();
            }
        }
        return total;
    }

    /** Tags of a topic-level metric of {@code topic} (no partition tag: partition-level metrics would count twice). */
    static Predicate<Map<String, String>> topicLevel(String topic) {
        return tags -> topic.equals(tags.get("topic")) && !tags.containsKey("partition");
    }

    /** Tags of a partition-level metric of {@code topic}. */
    static Predicate<Map<String, String>> partitionLevel(String topic) {
        return tags -> topic.equals(tags.get("topic")) && tags.containsKey("partition");
    }
}
