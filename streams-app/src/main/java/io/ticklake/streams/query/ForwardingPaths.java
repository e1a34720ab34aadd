package io.ticklake.streams.query;

/**
 * The HTTP paths and query parameters between instances (README "Forwarding HTTP contract"). The
 * {@code /kpis/local/*} paths answer from the receiving instance's own stores only and never
 * forward again; the {@code /kpis/*} paths are the routed queries a user calls.
 */
public final class ForwardingPaths {

    public static final String LOCAL_LATEST = "/kpis/local/latest";
    public static final String LOCAL_RANGE = "/kpis/local/range";
    public static final String LOCAL_ALL = "/kpis/local/all";
    public static final String LATEST = "/kpis/latest";
    public static final String RANGE = "/kpis/range";
    public static final String ALL = "/kpis/all";

    public static final String SYMBOL = "symbol";
    public static final String WINDOW = "window";
    /** ISO-8601 instant, inclusive. */
    public static final String FROM = "from";
    /** ISO-8601 instant, exclusive. */
    public static final String TO = "to";
    /** Input partition of the symbol (key queries). */
    public static final String PARTITION = "partition";
    /** Comma-separated input partitions (all-symbols query). */
    public static final String PARTITIONS = "partitions";
    /** {@code true} to allow an answer from standby or restoring state. */
    public static final String STALE = "stale";

    /**
     * Request header carrying the cluster secret shared by the instances, which a host that checks it
     * requires on the forwarding paths.
     */
    public static final String CLUSTER_SECRET_HEADER = "X-TickLake-Cluster-Secret";

    private ForwardingPaths() {
    }
}
