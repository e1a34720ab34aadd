package io.ticklake.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The forwarding client sends the cluster secret it is given, and no such header without one. */
class HttpKpiRemoteClientTest {

    private HttpServer server;
    /** The cluster-secret header of each request received ("" when absent). */
    private final List<String> secrets = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/kpis/local/latest", exchange -> {
            String secret = exchange.getRequestHeaders().getFirst(ForwardingPaths.CLUSTER_SECRET_HEADER);
            secrets.add(secret == null ? "" : secret);
            byte[] body = "{\"error\":\"no KPI\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HostInfo host() {
        return new HostInfo("127.0.0.1", server.getAddress().getPort());
    }

    @Test
    void sendsTheClusterSecretWithEveryForwardedQuery() {
        HttpKpiRemoteClient client = new HttpKpiRemoteClient(Duration.ofSeconds(5), Duration.ofSeconds(1),
                Optional.of("s3cret"));

        assertThat(client.latest(host(), "AAPL", "1m", 0, false)).isEmpty();

        assertThat(secrets).containsExactly("s3cret");
    }

    @Test
    void sendsNoSecretWhenItHasNone() {
        HttpKpiRemoteClient client = new HttpKpiRemoteClient(Duration.ofSeconds(5), Duration.ofSeconds(1));

        assertThat(client.latest(host(), "AAPL", "1m", 0, false)).isEmpty();

        assertThat(secrets).containsExactly("");
    }
}
