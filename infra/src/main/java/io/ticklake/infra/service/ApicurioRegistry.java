package io.ticklake.infra.service;

import io.ticklake.infra.PlatformConfig;
import io.ticklake.infra.http.Http;
import io.ticklake.infra.runtime.ApicurioDistribution;
import io.ticklake.infra.runtime.JavaCommand;
import io.ticklake.infra.security.PlatformSecurity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apicurio Registry 2.6 with its Confluent-compatible API at {@code /apis/ccompat/v7}. Schemas are
 * kept in an H2 file under the data directory, so schema ids stay valid for the records Kafka
 * keeps across restarts. The default compatibility is BACKWARD.
 *
 * <p>On a secured platform it serves HTTPS only ({@code quarkus.http.insecure-requests=disabled}) with the
 * platform's server certificate; the keystore password reaches Quarkus through its environment.
 */
public final class ApicurioRegistry extends ProcessService {

    public static final String NAME = "registry";
    public static final String CCOMPAT_PATH = "/apis/ccompat/v7";
    public static final String DEFAULT_COMPATIBILITY = "BACKWARD";

    private static final String HTTP = "http";
    private static final Pattern COMPATIBILITY = Pattern.compile("\"compatibility(?:Level)?\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final String CONFLUENT_JSON = "application/vnd.schemaregistry.v1+json";

    private final Optional<PlatformSecurity> security;
    private Http http;

    /** @param security the platform's credentials when it is secured: the registry then serves HTTPS only */
    public ApicurioRegistry(PlatformConfig config, Optional<PlatformSecurity> security) {
        super(NAME, config, List.of(new ServicePort(HTTP, config.registryPort(), "TICKLAKE_REGISTRY_PORT")));
        this.security = security;
    }

    /** The base URL to use as {@code schema.registry.url}. */
    public String schemaRegistryUrl() {
        return baseUrl() + CCOMPAT_PATH;
    }

    @Override
    protected void prepare() {
        security.ifPresent(PlatformSecurity::ensure);
    }

    @Override
    protected Map<String, String> environment() {
        return security.map(s -> Map.of("QUARKUS_HTTP_SSL_CERTIFICATE_KEY_STORE_PASSWORD",
                s.secret(PlatformSecurity.KEYSTORE_PASSWORD))).orElse(Map.of());
    }

    @Override
    protected List<String> command() {
        Path runner = ApicurioDistribution.resolved().runnerJar(config.cacheDir());
        // WRITE_DELAY=0: a registration is on disk before it is acknowledged, so a kill loses nothing
        String database = "jdbc:h2:file:" + serviceDir().resolve("data").resolve("registry") + ";WRITE_DELAY=0";
        JavaCommand command = new JavaCommand()
                .heap(config.registryHeap())
                .systemProperty("ticklake.service", NAME)
                .systemProperty("quarkus.http.host", PlatformConfig.HOST);
        if (security.isPresent()) {
            command.systemProperty("quarkus.http.ssl-port", Integer.toString(port(HTTP)))
                    .systemProperty("quarkus.http.insecure-requests", "disabled")
                    .systemProperty("quarkus.http.ssl.certificate.key-store-file", security.get().keystore().toString())
                    .systemProperty("quarkus.http.ssl.certificate.key-store-file-type", "PKCS12");
        } else {
            command.systemProperty("quarkus.http.port", Integer.toString(port(HTTP)));
        }
        return command
                .systemProperty("quarkus.datasource.jdbc.url", database)
                // the default pool of 20 connections is sized for a shared server, not a laptop
                .systemProperty("quarkus.datasource.jdbc.initial-size", "2")
                .systemProperty("quarkus.datasource.jdbc.min-size", "2")
                .systemProperty("quarkus.datasource.jdbc.max-size", "20")
                .jar(runner)
                .toList();
    }

    @Override
    protected boolean probeHealth() {
        return http().isOk(baseUrl() + "/health/ready");
    }

    /** Sets the global compatibility to BACKWARD unless someone already chose one, then checks it. */
    @Override
    protected void afterHealthy() {
        try {
            String current = compatibility();
            if ("NONE".equals(current)) {
                Http.Response response = http().put(schemaRegistryUrl() + "/config", CONFLUENT_JSON,
                        "{\"compatibility\":\"" + DEFAULT_COMPATIBILITY + "\"}");
                if (!response.isSuccess()) {
                    throw new ServiceStartException(NAME, "setting the default compatibility answered "
                            + response.status() + ": " + response.body());
                }
                current = compatibility();
                if (!DEFAULT_COMPATIBILITY.equals(current)) {
                    throw new ServiceStartException(NAME, "the default compatibility did not stick: the registry reports " + current);
                }
            }
        } catch (IOException e) {
            throw new ServiceStartException(NAME, "cannot configure the default compatibility: " + e.getMessage(), e);
        }
    }

    @Override
    protected List<Endpoint> describeEndpoints() {
        return List.of(
                new Endpoint("schema.registry.url", schemaRegistryUrl()),
                new Endpoint("web console", baseUrl() + "/ui"));
    }

    /** The global compatibility level as the ccompat API reports it. */
    public String compatibility() throws IOException {
        Http.Response response = http().get(schemaRegistryUrl() + "/config");
        Matcher level = COMPATIBILITY.matcher(response.body());
        if (!response.isSuccess() || !level.find()) {
            throw new IOException("GET " + CCOMPAT_PATH + "/config answered " + response.status() + ": " + response.body());
        }
        return level.group(1);
    }

    private String baseUrl() {
        return (security.isPresent() ? "https://" : "http://") + PlatformConfig.HOST + ":" + port(HTTP);
    }

    /** The launcher's client: trusting the platform's CA when secured (made once the CA exists). */
    private synchronized Http http() {
        if (http == null) {
            http = security.map(s -> {
                s.ensure();
                return Http.trusting(s.sslContext());
            }).orElse(Http.DEFAULT);
        }
        return http;
    }
}
