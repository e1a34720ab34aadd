package io.ticklake.dashboard.security;

/**
 * The roles of the dashboard, in one place: {@link #VIEWER} reads KPIs, history, the OpenAPI document
 * and the WebSocket; {@link #ADMIN} also reads the operational endpoints (Prometheus, management
 * endpoints, health details); {@link #CLUSTER} is another instance calling the forwarding paths.
 */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String ADMIN = "admin";
    public static final String CLUSTER = "cluster";

    private Roles() {
    }
}
