package io.ticklake.dashboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticklake.dashboard.testing.TestCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Produces ticks at a fixed rate (stamped with the wall clock when sent) while a WebSocket client
 * subscribed to every symbol's 1m KPIs records, per KPI update, the time from the update's newest tick
 * to the arrival of its frame. Updates in the warm-up are not counted.
 */
final class PushRun {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long SLOT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final URI base;
    private final BenchTicks ticks;
    private final int ticksPerSecond;
    private final int seconds;
    private final int warmupSeconds;

    PushRun(URI base, BenchTicks ticks, int ticksPerSecond, int seconds, int warmupSeconds) {
        this.base = base;
        this.ticks = ticks;
        this.ticksPerSecond = ticksPerSecond;
        this.seconds = seconds;
        this.warmupSeconds = warmupSeconds;
    }

    PushResult run() throws Exception {
        Collector collector = new Collector();
        URI uri = URI.create(base.toString().replaceFirst("^http", "ws") + "/ws/kpis");
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + TestCredentials.VIEWER_TOKEN).buildAsync(uri, collector)
                .get(30, TimeUnit.SECONDS);
        socket.sendText("{\"action\":\"subscribe\",\"symbols\":[\"*\"],\"windows\":[\"1m\"]}", true).join();
        collector.subscribed.get(30, TimeUnit.SECONDS);

        System.err.printf("push: %d ticks/s for %d s (first %d s not counted)%n", ticksPerSecond, seconds,
                warmupSeconds);
        long start = System.nanoTime();
        collector.countFrom = System.currentTimeMillis() + warmupSeconds * 1000L;
        long sent = 0;
        long perSlot = Math.max(1, ticksPerSecond / 100);
        long slots = seconds * 100L;
        for (long slot = 0; slot < slots; slot++) {
            for (long i = 0; i < perSlot; i++) {
                ticks.sendNow(sent++);
            }
            long next = start + (slot + 1) * SLOT_NANOS;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
        ticks.flush();
        double producedPerSecond = sent / ((System.nanoTime() - start) / 1e9);
        // the last updates are still on their way
        Thread.sleep(3_000);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        return new PushResult(producedPerSecond, collector.frames.get(), collector.dropped.get(),
                PushLatency.of(collector.provisional.values()), PushLatency.of(collector.confirmed.values()));
    }

    /** Assembles frames, and records the latency of each KPI update after the warm-up. */
    private static final class Collector implements WebSocket.Listener {

        final CompletableFuture<Void> subscribed = new CompletableFuture<>();
        final AtomicLong frames = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();
        volatile long countFrom = Long.MAX_VALUE;
        private final StringBuilder partial = new StringBuilder();
        final LatencyLog provisional = new LatencyLog();
        final LatencyLog confirmed = new LatencyLog();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long arrived = System.currentTimeMillis();
                String frame = partial.toString();
                partial.setLength(0);
                onFrame(frame, arrived);
            }
            webSocket.request(1);
            return null;
        }

        private void onFrame(String text, long arrived) {
            JsonNode frame;
            try {
                frame = MAPPER.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String type = frame.get("type").asText();
            if (type.equals("subscribed")) {
                subscribed.complete(null);
            } else if (type.equals("kpis")) {
                frames.incrementAndGet();
                dropped.addAndGet(frame.get("dropped").asLong());
                if (arrived >= countFrom) {
                    LatencyLog log = frame.path("provisional").asBoolean() ? provisional : confirmed;
                    for (JsonNode kpi : frame.get("kpis")) {
                        log.record(arrived - Instant.parse(kpi.get("last_event_time").asText()).toEpochMilli());
                    }
                }
            }
        }


        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            subscribed.completeExceptionally(error);
        }
    }

    /** Latencies of one kind of update, in arrival order. */
    private static final class LatencyLog {

        private long[] latencies = new long[1 << 16];
        private int size;

        synchronized void record(long latencyMs) {
            if (size == latencies.length) {
                latencies = Arrays.copyOf(latencies, size * 2);
            }
            latencies[size++] = latencyMs;
        }

        synchronized long[] values() {
            return Arrays.copyOf(latencies, size);
        }
    }
}
