package io.ticklake.streams.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.streams.host.ForwardingEndpoint;
import io.ticklake.streams.query.ForwardingPaths;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The standalone server on a real loopback socket: with a cluster secret, only requests carrying it pass. */
class KpiHttpServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    // an unknown path: the endpoint answers 404 without asking the (absent) instance
    private static final String PATH = "/kpis/no-such-path";

    private static int status(KpiHttpServer server, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + PATH));
        if (secret != null) {
            request.header(ForwardingPaths.CLUSTER_SECRET_HEADER, secret);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static KpiHttpServer server(Optional<String> secret) {
        return new KpiHttpServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new ForwardingEndpoint(() -> null), secret);
    }

    @Test
    void withAClusterSecretOnlyRequestsCarryingItAreAnswered() throws Exception {
        try (KpiHttpServer server = server(Optional.of("s3cret"))) {
            assertThat(status(server, null)).isEqualTo(401);
            assertThat(status(server, "s3cre")).isEqualTo(401);
            assertThat(status(server, "s3cret-and-more")).isEqualTo(401);
            assertThat(status(server, "s3cret")).isEqualTo(404);
        }
    }

    @Test
    void withoutASecretEveryRequestIsAnswered() throws Exception {
        try (KpiHttpServer server = server(Optional.empty())) {
            assertThat(status(server, null)).isEqualTo(404);
        }
    }
}
