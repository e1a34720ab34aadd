package io.ticklake.dashboard.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A raw {@code /ws/kpis} client (the JDK's WebSocket) for tests of the session limits: it sends whatever it
 * is told with the headers it is given, records text frames and the close code and reason, and reads
 * nothing at all when asked not to (so the server's frames pile up for it).
 */
public final class RawWebSocket implements WebSocket.Listener {

    public static final String BEARER = "Bearer ";

    private final boolean reads;
    private final StringBuilder partial = new StringBuilder();
    /** Complete text frames received, in order. */
    public final List<String> texts = new CopyOnWriteArrayList<>();
    /** {@code "<code> <reason>"} once the server closed, or {@code "error ..."}. */
    public final CompletableFuture<String> closed = new CompletableFuture<>();
    public WebSocket socket;

    private RawWebSocket(boolean reads) {
        this.reads = reads;
    }

    /** Opens a session with {@code Authorization: authorization} and, unless null, {@code Origin: origin}. */
    public static RawWebSocket connect(URI uri, String authorization, String origin, boolean reads) throws Exception {
        RawWebSocket client = new RawWebSocket(reads);
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", authorization);
        if (origin != null) {
            builder.header("Origin", origin);
        }
        client.socket = builder.buildAsync(uri, client).get(30, TimeUnit.SECONDS);
        return client;
    }

    /** A subscription message of the symbols {@code S<from>} to {@code S<from + count - 1>}, window 1m. */
    public static String subscribe(int from, int count) {
        return "{\"action\":\"subscribe\",\"windows\":[\"1m\"],\"symbols\":[" + IntStream.range(from, from + count)
                .mapToObj(i -> "\"S" + i + "\"").collect(Collectors.joining(",")) + "]}";
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        if (reads) {
            webSocket.request(1);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            texts.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete("error " + error);
    }
}
