package io.ticklake.streams.ingest;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.TaskId;

/**
 * Counter of dropped tick copies (a {@code (symbol, sequence)} seen before), one per task, in Kafka
 * Streams' own metrics (JMX {@code kafka.streams:type=stream-ticklake-dedup-metrics}):
 * {@code duplicate-ticks-total} and {@code duplicate-ticks-rate}, tagged {@code task-id}. Like
 * {@link DlqMetrics} they are not transactional: a replay after a crash counts again.
 */
public final class DuplicateMetrics {

    public static final String GROUP = "stream-ticklake-dedup-metrics";
    public static final String TOTAL = "duplicate-ticks-total";
    private static final String SCOPE = "ticklake-dedup";
    private static final String OPERATION = "duplicate-ticks";

    private final StreamsMetrics metrics;
    private final Sensor sensor;

    DuplicateMetrics(StreamsMetrics metrics, TaskId taskId) {
        this.metrics = metrics;
        // the entity name makes the sensor unique per task: sensors are named by thread, entity and operation only
        this.sensor = metrics.addRateTotalSensor(SCOPE, "duplicates-" + taskId, OPERATION,
                Sensor.RecordingLevel.INFO, "task-id", taskId.toString());
    }

    void record() {
        sensor.record();
    }

    void close() {
        metrics.removeSensor(sensor);
    }

    /** Sum of {@code duplicate-ticks-total} over all tasks in {@code metrics} (e.g. {@code KafkaStreams.metrics()}). */
    public static long total(Map<MetricName, ? extends Metric> metrics) {
        double sum = 0;
        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
            MetricName name = entry.getKey();
            if (name.group().equals(GROUP) && name.name().equals(TOTAL)) {
                sum += ((Number) entry.getValue().metricValue()).doubleValue();
            }
        }
        return Math.round(sum);
    }
}
