package io.ticklake.infra.kafka;

import java.util.List;
import java.util.Map;

/**
 * A topic the platform provides, with its partition count and topic configuration (replication: the brokers'
 * default, min(nodes, 3)).
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {

    /** The topics of DESIGN.md, created by {@code up}; six partitions let six consumers share the load. */
    public static final List<TopicSpec> PLATFORM_TOPICS = List.of(
            new TopicSpec("stock-ticks", 6),
            new TopicSpec("stock-ticks-dlq", 6),
            new TopicSpec("stock-kpis", 6),
            // rules are few and read whole by every streams instance (a global store): one compacted partition
            new TopicSpec("alert-rules", 1, Map.of("cleanup.policy", "compact")),
            new TopicSpec("stock-alerts", 6));

    public TopicSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a topic needs a name");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + " needs at least one partition, not " + partitions);
        }
        configs = Map.copyOf(configs);
    }

    /** A topic with the broker's default configuration. */
    public TopicSpec(String name, int partitions) {
        this(name, partitions, Map.of());
    }
}
