package io.ticklake.dashboard.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class StreamsMetricsReaderTest {

    private final Map<MetricName, Metric> metrics = new LinkedHashMap<>();

    private void add(String group, String name, Object value, String... tags) {
        Map<String, String> tagMap = new LinkedHashMap<>();
        for (int i = 0; i < tags.length; i += 2) {
            tagMap.put(tags[i], tags[i + 1]);
        }
        MetricName metricName = new MetricName(name, group, "", tagMap);
        metrics.put(metricName, new Metric() {
            @Override
            public MetricName metricName() {
                return metricName;
            }

            @Override
            public Object metricValue() {
                return value;
            }
        });
    }

    @Test
    void sumsTopicLevelMetricsOfOneTopicOverEveryClient() {
        add(StreamsMetricsReader.FETCH_MANAGER, "records-consumed-total", 10.0, "client-id", "a", "topic", "ticks");
        add(StreamsMetricsReader.FETCH_MANAGER, "records-consumed-total", 5.0, "client-id", "b", "topic", "ticks");
        add(StreamsMetricsReader.FETCH_MANAGER, "records-consumed-total", 7.0, "client-id", "a", "topic", "ticks",
                "partition", "0");
        add(StreamsMetricsReader.FETCH_MANAGER, "records-consumed-total", 100.0, "client-id", "a", "topic", "other");
        add(StreamsMetricsReader.FETCH_MANAGER, "records-consumed-total", 1000.0, "client-id", "a");

        assertThat(StreamsMetricsReader.sum(metrics, StreamsMetricsReader.FETCH_MANAGER, "records-consumed-total",
                StreamsMetricsReader.topicLevel("ticks"))).isEqualTo(15.0);
    }

    @Test
    void sumsPartitionLevelMetricsAndSkipsValuesNotMeasuredYet() {
        add(StreamsMetricsReader.FETCH_MANAGER, "records-lag", 3.0, "topic", "ticks", "partition", "0");
        add(StreamsMetricsReader.FETCH_MANAGER, "records-lag", 4.0, "topic", "ticks", "partition", "1");
        add(StreamsMetricsReader.FETCH_MANAGER, "records-lag", Double.NaN, "topic", "ticks", "partition", "2");
        add(StreamsMetricsReader.FETCH_MANAGER, "records-lag", "n/a", "topic", "ticks", "partition", "3");

        assertThat(StreamsMetricsReader.sum(metrics, StreamsMetricsReader.FETCH_MANAGER, "records-lag",
                StreamsMetricsReader.partitionLevel("ticks"))).isEqualTo(7.0);
    }

    @Test
    void matchesTheGroupAndName() {
        add("stream-ticklake-dlq-metrics", "dlq-records-total", 2.0, "stage", "decode");
        add("stream-ticklake-dlq-metrics", "dlq-records-rate", 9.0, "stage", "decode");

        assertThat(StreamsMetricsReader.sum(metrics, "stream-ticklake-dlq-metrics", "dlq-records-total", tags -> true))
                .isEqualTo(2.0);
    }
}
