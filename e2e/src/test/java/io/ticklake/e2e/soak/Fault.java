package io.ticklake.e2e.soak;

/** The kinds of fault the soak injects, each undone before the next one starts. */
public enum Fault {
    /** SIGKILL one dashboard/streams instance, then start it again with its state directory. */
    STREAMS_KILL("kill -9 a streams instance and restart it"),
    /** SIGKILL one Connect worker, then start it again. */
    CONNECT_KILL("kill -9 a Connect worker and restart it"),
    /** SIGKILL one Kafka node of three, then start it again with its data. */
    BROKER_BOUNCE("kill -9 a Kafka broker and restart it"),
    /** Stop MinIO (the lake) for the outage, then start it again. */
    MINIO_OUTAGE("stop MinIO for the outage, then start it"),
    /** SIGSTOP the schema registry for the outage, then SIGCONT. */
    REGISTRY_PAUSE("pause the registry (SIGSTOP) for the outage, then resume it"),
    /** Start a third streams instance (partitions move to it), then stop it (they move back). */
    STREAMS_REBALANCE("add a streams instance, then remove it");

    private final String description;

    Fault(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
