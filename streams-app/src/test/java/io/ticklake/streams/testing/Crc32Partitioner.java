package io.ticklake.streams.testing;

import java.util.Map;
import java.util.zip.CRC32;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;

/**
 * The partitioner of librdkafka's clients (confluent-kafka for Python, Go, .NET) for a keyed record: CRC-32 of
 * the key bytes modulo the partition count ({@code consistent}, also what {@code consistent_random} does with a
 * key), not Java's murmur2. For producing in tests as those clients would.
 */
public final class Crc32Partitioner implements Partitioner {

    /** The partition librdkafka picks for {@code keyBytes}. */
    public static int partition(byte[] keyBytes, int numPartitions) {
        CRC32 crc = new CRC32();
        crc.update(keyBytes);
        return (int) (crc.getValue() % numPartitions);
    }

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        if (keyBytes == null) {
            throw new IllegalArgumentException("this partitioner is for keyed records only");
        }
        return partition(keyBytes, cluster.partitionCountForTopic(topic));
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public void close() {
    }
}
