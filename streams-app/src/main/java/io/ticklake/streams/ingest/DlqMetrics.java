package io.ticklake.streams.ingest;

import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.TaskId;

/**
 * Counters of dead-lettered records, one per task and stage, registered in Kafka Streams' own
 * metrics (JMX {@code kafka.streams:type=stream-ticklake-dlq-metrics}): {@code dlq-records-total}
 * and {@code dlq-records-rate}, tagged {@code task-id} and {@code stage}. Like all client metrics
 * they are not transactional: after a crash the replayed records are counted again, while the DLQ
 * topic itself (read with {@code read_committed}) holds each record once. Records cut to fit the DLQ's
 * size limit are counted once more, under the stage {@value #TRUNCATED_STAGE}.
 */
public final class DlqMetrics {

    public static final String GROUP = "stream-ticklake-dlq-metrics";
    public static final String TOTAL = "dlq-records-total";
    /** The {@code stage} tag of the truncation counter. */
    public static final String TRUNCATED_STAGE = "truncated";
    private static final String SCOPE = "ticklake-dlq";
    private static final String OPERATION = "dlq-records";

    private final StreamsMetrics metrics;
    private final Map<DlqStage, Sensor> sensors = new EnumMap<>(DlqStage.class);
    private final Sensor truncated;

    DlqMetrics(StreamsMetrics metrics, TaskId taskId) {
        this.metrics = metrics;
        for (DlqStage stage : DlqStage.values()) {
            // the entity name makes the sensor unique per task: sensors are named by thread, entity and operation only
            sensors.put(stage, metrics.addRateTotalSensor(SCOPE, stage.label() + "-" + taskId, OPERATION,
                    Sensor.RecordingLevel.INFO, "task-id", taskId.toString(), "stage", stage.label()));
        }
        truncated = metrics.addRateTotalSensor(SCOPE, TRUNCATED_STAGE + "-" + taskId, OPERATION,
                Sensor.RecordingLevel.INFO, "task-id", taskId.toString(), "stage", TRUNCATED_STAGE);
    }

    void recordTruncated() {
        truncated.record();
    }

    void record(DlqStage stage) {
        sensors.get(stage).record();
    }

    void close() {
        sensors.values().forEach(metrics::removeSensor);
        sensors.clear();
        metrics.removeSensor(truncated);
    }

    /** Sum of {@code dlq-records-total} for {@code stage} over all tasks in {@code metrics} (e.g. {@code KafkaStreams.metrics()}). */
    public static long total(Map<MetricName, ? extends Metric> metrics, DlqStage stage) {
        return total(metrics, stage.label());
    }

    /** Sum of the records cut to fit the DLQ's size limit over all tasks in {@code metrics}. */
    public static long truncated(Map<MetricName, ? extends Metric> metrics) {
        return total(metrics, TRUNCATED_STAGE);
    }

    private static long total(Map<MetricName, ? extends Metric> metrics, String stage) {
        double sum = 0;
        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
            MetricName name = entry.getKey();
            if (name.group().equals(GROUP) && name.name().equals(TOTAL)
                    && stage.equals(name.tags().get("stage"))) {
                sum += ((Number) entry.getValue().metricValue()).doubleValue();
            }
        }
        return Math.round(sum);
    }
}
