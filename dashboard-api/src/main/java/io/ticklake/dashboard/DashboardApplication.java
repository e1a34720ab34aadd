package io.ticklake.dashboard;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The dashboard-api process: one Micronaut server that hosts the KPI topology, answers REST and
 * WebSocket clients, serves the forwarding paths other instances call, and the web dashboard.
 * Configuration comes from {@code application.properties}, environment variables and system
 * properties (README "Configuration").
 */
@OpenAPIDefinition(info = @Info(title = "TickLake dashboard API", version = "0.1",
        description = "Live KPIs of market ticks computed by Kafka Streams, pushed over WebSocket, "
                + "and historical models of the lake"),
        security = {@SecurityRequirement(name = "apiToken"), @SecurityRequirement(name = "basic")})
@SecurityScheme(name = "apiToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "an API token of the viewer or admin role (ticklake.security.viewer-token, admin-token)")
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "user viewer or admin with its password (ticklake.security.viewer-password, admin-password)")
public final class DashboardApplication {

    private DashboardApplication() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(DashboardApplication.class).banner(false).start();
    }
}
