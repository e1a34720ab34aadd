package io.ticklake.simulator.alphavantage;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls {@code GLOBAL_QUOTE} over HTTP. The key goes into the query string (the only place the API
 * takes it) and nowhere else: messages name the base URL and the symbol only.
 */
public final class AlphaVantageClient {

    /** The public endpoint; tests and proxies override it. */
    public static final String DEFAULT_BASE_URL = "https://www.alphavantage.co/query";

    private final HttpClient http;
    private final URI baseUrl;
    private final ApiKey key;
    private final Duration requestTimeout;

    public AlphaVantageClient(String baseUrl, ApiKey key, Duration connectTimeout, Duration requestTimeout) {
        this.baseUrl = URI.create(baseUrl);
        this.key = key;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * The body of a {@code GLOBAL_QUOTE} call for {@code symbol}.
     *
     * @throws AlphaVantageException when the service is unreachable, times out or answers other than 200;
     *                               the message is redacted; a {@code 429} is reported as such
     */
    public Answer fetchGlobalQuote(String symbol) throws AlphaVantageException, InterruptedException {
        String separator = baseUrl.getRawQuery() == null ? "?" : "&";
        URI uri = URI.create(baseUrl + separator + "function=GLOBAL_QUOTE&symbol=" + encode(symbol)
                + "&datatype=json&apikey=" + encode(key.reveal()));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AlphaVantageException(key.redact("Alpha Vantage at " + describeBaseUrl() + " did not answer for "
                    + symbol + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage())));
        }
    }

    /** The base URL without query and user info, for messages. */
    public String describeBaseUrl() {
        return baseUrl.getScheme() + "://" + baseUrl.getHost() + (baseUrl.getPort() < 0 ? "" : ":" + baseUrl.getPort())
                + baseUrl.getPath();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An HTTP answer: status and body. */
    public record Answer(int status, String body) {
    }
}
