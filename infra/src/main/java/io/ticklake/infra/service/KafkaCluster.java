package io.ticklake.infra.service;

import io.ticklake.infra.PlatformConfig;
import io.ticklake.infra.kafka.KafkaTopics;
import io.ticklake.infra.kafka.TopicSpec;
import io.ticklake.infra.security.PlatformSecurity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's Kafka: {@link PlatformConfig#kafkaBrokers()} KRaft nodes, each broker and controller,
 * forming one static controller quorum (one node by default). A quorum needs a majority of its voters
 * to elect a leader, and a node is healthy only once it is registered with that leader, so the nodes
 * that are not running are started together, not one after the other. The platform topics are made
 * once every node is registered, replicated as the brokers' defaults say.
 */
public final class KafkaCluster {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaCluster.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final PlatformConfig config;
    private final List<TopicSpec> topics;
    private final List<KafkaBroker> nodes;
    /** Computed before the nodes start: a starting node holds its own lock and must not ask another for ports. */
    private volatile String voters;

    /**
     * @param topics   created after a start that started a node (existing topics are left as they are)
     * @param security the platform's credentials when it is secured
     */
    public KafkaCluster(PlatformConfig config, List<TopicSpec> topics, Optional<PlatformSecurity> security) {
        this.config = config;
        this.topics = List.copyOf(topics);
        List<KafkaBroker> created = new ArrayList<>();
        for (int id = 1; id <= config.kafkaBrokers(); id++) {
            created.add(new KafkaBroker(config, id, this, security));
        }
        this.nodes = List.copyOf(created);
    }

    /** Every node, node 1 first. */
    public List<KafkaBroker> nodes() {
        return nodes;
    }

    /** Node {@code id}, 1 to the number of nodes. */
    public KafkaBroker node(int id) {
        if (id < 1 || id > nodes.size()) {
            throw new IllegalArgumentException("there is no Kafka node " + id + "; the platform runs " + nodes.size());
        }
        return nodes.get(id - 1);
    }

    /** The client listeners of the nodes whose ports are known, comma-separated. */
    public String bootstrapServers() {
        return nodes.stream().filter(n -> !n.ports().isEmpty()).map(KafkaBroker::nodeAddress)
                .collect(Collectors.joining(","));
    }

    /** {@code controller.quorum.voters} as of the last {@link #start()}: every node. */
    String voters() {
        return voters;
    }

    /**
     * The id every node's storage is formatted with: node 1's if it is formatted already (a home that
     * ran one broker before), else made once and kept in {@code <home>/kafka/cluster.id}.
     */
    synchronized String clusterId() {
        Path file = config.serviceDir(KafkaBroker.NAME).resolve("cluster.id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            String id = nodes.get(0).formattedClusterId().orElseGet(() -> Uuid.randomUuid().toString());
            Files.createDirectories(file.getParent());
            Files.writeString(file, id + "\n");
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    /**
     * Starts the nodes that are not running, all at once, waits until each is healthy and every node is
     * registered, then makes the missing platform topics. Does nothing when every node runs healthy.
     */
    public void start() {
        for (KafkaBroker node : nodes) {
            node.checkCanStart(); // resolves every node's ports before any writes the voters
        }
        voters = nodes.stream().map(KafkaBroker::voter).collect(Collectors.joining(","));
        List<KafkaBroker> stopped = nodes.stream().filter(n -> !n.isRunning()).toList();
        forEachAtOnce(nodes, KafkaBroker::start);
        if (!stopped.isEmpty()) {
            awaitAllRegistered();
            ensureTopics();
        }
    }

    /** Stops every node at once (SIGTERM, then SIGKILL after the grace period), so none waits for a lost quorum. */
    public void stop() {
        forEachAtOnce(nodes, KafkaBroker::stop);
    }

    private void forEachAtOnce(List<KafkaBroker> targets, Consumer<KafkaBroker> action) {
        if (targets.size() == 1) {
            action.accept(targets.get(0));
            return;
        }
        // a thread per node: the common pool may have a single thread on a small machine
        ExecutorService threads = Executors.newFixedThreadPool(targets.size());
        try {
            List<CompletableFuture<Void>> running = targets.stream()
                    .map(node -> CompletableFuture.runAsync(() -> action.accept(node), threads)).toList();
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        } finally {
            threads.shutdown();
        }
    }

    private void awaitAllRegistered() {
        if (nodes.size() == 1) {
            return; // the node's own health check saw it registered
        }
        Instant deadline = Instant.now().plus(config.startTimeout());
        Map<String, String> admin = nodes.get(0).adminClientSettings();
        while (true) {
            try (Admin client = KafkaTopics.admin(bootstrapServers(), admin, PROBE_TIMEOUT)) {
                int registered = client.describeCluster().nodes().get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
                if (registered == nodes.size()) {
                    return;
                }
                LOG.debug("{} of {} Kafka nodes registered", registered, nodes.size());
            } catch (Exception e) {
                LOG.debug("describing the Kafka cluster failed: {}", e.toString());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new ServiceStartException(KafkaBroker.NAME, "not all " + nodes.size()
                        + " Kafka nodes registered within " + config.startTimeout().toSeconds()
                        + " s (TICKLAKE_START_TIMEOUT); see the logs of kafka and kafka-<n>");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceStartException(KafkaBroker.NAME, "interrupted while waiting for the nodes", e);
            }
        }
    }

    private void ensureTopics() {
        if (topics.isEmpty()) {
            return;
        }
        Map<String, Integer> actual = KafkaTopics.ensure(bootstrapServers(), nodes.get(0).adminClientSettings(), topics);
        for (TopicSpec topic : topics) {
            Integer partitions = actual.get(topic.name());
            if (partitions != null && partitions != topic.partitions()) {
                LOG.warn("topic {} exists with {} partitions instead of {}; left as it is", topic.name(), partitions,
                        topic.partitions());
            }
        }
    }
}
