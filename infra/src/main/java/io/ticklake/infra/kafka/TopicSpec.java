package io.ticklake.infra.kafka;

import java.util.List;

/** A topic the platform provides, with its partition count (replication: the brokers' default, min(nodes, 3)). */
public record TopicSpec(String name, int partitions) {

    /** The topics of DESIGN.md, created by {@code up}; six partitions let six consumers share the load. */
    public static final List<TopicSpec> PLATFORM_TOPICS = List.of(
            new TopicSpec("stock-ticks", 6),
            new TopicSpec("stock-ticks-dlq", 6),
            new TopicSpec("stock-kpis", 6));

    public TopicSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a topic needs a name");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + " needs at least one partition, not " + partitions);
        }
    }
}
