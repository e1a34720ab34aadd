package io.ticklake.streams.host;

import io.ticklake.streams.StreamsAppConfig;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.streams.StreamsConfig;

/** The admin client a host uses at start: the application's brokers and security settings, short timeouts. */
final class KafkaAdmin {

    private KafkaAdmin() {
    }

    /**
     * Waits until every partition of {@code topics} has a leader in the metadata clients get. A topic just created
     * can be missing there for a moment, and Kafka Streams fails for good at start when a global store's topic has
     * no partitions yet.
     */
    static void awaitLeaders(Admin admin, Collection<String> topics, long timeoutMs)
            throws ExecutionException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            try {
                if (admin.describeTopics(topics).allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS).values().stream()
                        .allMatch(topic -> !topic.partitions().isEmpty()
                                && topic.partitions().stream().allMatch(partition -> partition.leader() != null))) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the topics " + topics + " have no leader for every partition after "
                        + timeoutMs + " ms");
            }
            Thread.sleep(100);
        }
    }

    static Admin create(StreamsAppConfig config, int timeoutMs) {
        return Admin.create(settings(config.streamsProperties(), timeoutMs));
    }

    /**
     * The brokers, the streams config's security settings, then its {@code admin.}-prefixed settings on
     * top, as Kafka Streams configures its own admin client: a secured cluster may give the admin client
     * credentials of its own.
     */
    static Map<String, Object> settings(Properties props, int timeoutMs) {
        Map<String, Object> admin = new HashMap<>();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, props.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        props.forEach((key, value) -> {
            String name = key.toString();
            if (name.startsWith("security.") || name.startsWith("sasl.") || name.startsWith("ssl.")) {
                admin.put(name, value);
            }
        });
        String adminPrefix = StreamsConfig.adminClientPrefix("");
        props.forEach((key, value) -> {
            String name = key.toString();
            if (name.startsWith(adminPrefix)) {
                admin.put(name.substring(adminPrefix.length()), value);
            }
        });
        return admin;
    }
}
