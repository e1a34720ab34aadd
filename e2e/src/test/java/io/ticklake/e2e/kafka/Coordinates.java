package io.ticklake.e2e.kafka;

/** Where a record sits in Kafka: the identity of a tick in the lake and in the DLQ's headers. */
public record Coordinates(String topic, int partition, long offset) implements Comparable<Coordinates> {

    @Override
    public int compareTo(Coordinates other) {
        int byTopic = topic.compareTo(other.topic);
        if (byTopic != 0) {
            return byTopic;
        }
        int byPartition = Integer.compare(partition, other.partition);
        return byPartition != 0 ? byPartition : Long.compare(offset, other.offset);
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
