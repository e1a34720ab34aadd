package io.ticklake.streams.query;

import io.ticklake.schemas.WindowKpi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.state.HostInfo;

/**
 * {@link KpiRemoteClient} over HTTP/JSON with the JDK's client: the forwarding contract of the
 * README. 200 carries the answer, 404 means "no KPI", 400 a bad request, 503 (and any failure to
 * reach the instance or a timeout) "unavailable, retry".
 */
public final class HttpKpiRemoteClient implements KpiRemoteClient {

    private final HttpClient http;
    private final Duration timeout;
    private final Duration retryAfter;
    private final Optional<String> clusterSecret;

    public HttpKpiRemoteClient(Duration timeout, Duration retryAfter) {
        this(timeout, retryAfter, Optional.empty());
    }

    /** A client that sends {@code clusterSecret}, when present, in {@link ForwardingPaths#CLUSTER_SECRET_HEADER}. */
    public HttpKpiRemoteClient(Duration timeout, Duration retryAfter, Optional<String> clusterSecret) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
        this.timeout = timeout;
        this.retryAfter = retryAfter;
        this.clusterSecret = clusterSecret;
    }

    @Override
    public Optional<WindowKpi> latest(HostInfo host, String symbol, String window, int partition, boolean stale) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put(ForwardingPaths.SYMBOL, symbol);
        query.put(ForwardingPaths.WINDOW, window);
        query.put(ForwardingPaths.PARTITION, Integer.toString(partition));
        query.put(ForwardingPaths.STALE, Boolean.toString(stale));
        HttpResponse<String> response = get(host, ForwardingPaths.LOCAL_LATEST, query);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(KpiJson.readOne(response.body()));
    }

    @Override
    public List<WindowKpi> range(HostInfo host, String symbol, String window, Instant from, Instant to, int partition,
                                 boolean stale) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put(ForwardingPaths.SYMBOL, symbol);
        query.put(ForwardingPaths.WINDOW, window);
        query.put(ForwardingPaths.FROM, from.toString());
        query.put(ForwardingPaths.TO, to.toString());
        query.put(ForwardingPaths.PARTITION, Integer.toString(partition));
        query.put(ForwardingPaths.STALE, Boolean.toString(stale));
        return KpiJson.readList(get(host, ForwardingPaths.LOCAL_RANGE, query).body());
    }

    @Override
    public List<WindowKpi> latestAll(HostInfo host, String window, Set<Integer> partitions, boolean stale) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put(ForwardingPaths.WINDOW, window);
        query.put(ForwardingPaths.PARTITIONS, partitions.stream().sorted().map(String::valueOf)
                .collect(Collectors.joining(",")));
        query.put(ForwardingPaths.STALE, Boolean.toString(stale));
        return KpiJson.readList(get(host, ForwardingPaths.LOCAL_ALL, query).body());
    }

    private HttpResponse<String> get(HostInfo host, String path, Map<String, String> query) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + path + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        clusterSecret.ifPresent(secret -> builder.header(ForwardingPaths.CLUSTER_SECRET_HEADER, secret));
        HttpRequest request = builder.GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KpiUnavailableException("the owning instance " + host.host() + ":" + host.port()
                    + " cannot be reached (" + e + "); retry", retryAfter, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KpiUnavailableException("interrupted while asking " + host.host() + ":" + host.port(),
                    retryAfter, e);
        }
        int status = response.statusCode();
        if (status == 200 || status == 404) {
            return response;
        }
        String message = KpiJson.errorMessage(response.body());
        if (status == 400) {
            throw new IllegalArgumentException(message);
        }
        if (status == 503) {
            Duration hint = response.headers().firstValue("Retry-After")
                    .map(value -> RetryAfter.parse(value, Instant.now(), retryAfter)).orElse(retryAfter);
            throw new KpiUnavailableException(message, hint);
        }
        throw new KpiUnavailableException("instance " + host.host() + ":" + host.port() + " answered " + status
                + " to " + path + ": " + message, retryAfter, new UncheckedIOException(new IOException(message)));
    }

    @Override
    public void close() {
        // the JDK client has no close before Java 21; its threads are daemons
    }
}
