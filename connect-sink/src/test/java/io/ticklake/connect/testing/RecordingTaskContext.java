package io.ticklake.connect.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** A {@link SinkTaskContext} that records what the task asks of Connect: seeks, pauses, timeouts, reports. */
public final class RecordingTaskContext implements SinkTaskContext {

    /** One reported record and its reason. */
    public record Report(SinkRecord record, Throwable error) {
    }

    private final Set<TopicPartition> assignment = new HashSet<>();
    private final Map<TopicPartition, Long> seeks = new HashMap<>();
    private final Set<TopicPartition> paused = new HashSet<>();
    private final List<Report> reports = new ArrayList<>();
    private long timeout = -1;

    public RecordingTaskContext assign(TopicPartition... partitions) {
        assignment.addAll(Arrays.asList(partitions));
        return this;
    }

    @Override
    public Map<String, String> configs() {
        return Map.of();
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
        seeks.putAll(offsets);
    }

    @Override
    public void offset(TopicPartition tp, long offset) {
        seeks.put(tp, offset);
    }

    @Override
    public void timeout(long timeoutMs) {
        timeout = timeoutMs;
    }

    @Override
    public Set<TopicPartition> assignment() {
        return Collections.unmodifiableSet(assignment);
    }

    @Override
    public void pause(TopicPartition... partitions) {
        paused.addAll(Arrays.asList(partitions));
    }

    @Override
    public void resume(TopicPartition... partitions) {
        Arrays.asList(partitions).forEach(paused::remove);
    }

    @Override
    public void requestCommit() {
    }

    @Override
    public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
        throw new UnsupportedOperationException("the sink registers no metrics");
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        return (record, error) -> {
            reports.add(new Report(record, error));
            Future<Void> done = CompletableFuture.completedFuture(null);
            return done;
        };
    }

    /** The seek the task asked for last, then forgets it (as Connect does once applied). */
    public Long takeSeek(TopicPartition tp) {
        return seeks.remove(tp);
    }

    public boolean isPaused(TopicPartition tp) {
        return paused.contains(tp);
    }

    public long timeout() {
        return timeout;
    }

    public List<Report> reports() {
        return reports;
    }
}
