package io.ticklake.bench.latency;

import io.ticklake.bench.openloop.FixedRateSchedule;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

/**
 * An open-loop HTTP load (what wrk2 does): request {@code i} is due at {@code start + i / rate} and is
 * sent then whether or not earlier ones have answered; each latency runs from the due time to the
 * answer, so a server stall is charged to every request that should have been sent during it. Like
 * wrk2's connections, at most {@link #MAX_IN_FLIGHT} requests are outstanding (the JDK client would
 * otherwise open a connection per request); a request waiting for a free slot still counts from its
 * due time. A request that fails or answers other than 200 is counted as an error, not as a latency.
 */
final class FixedRateRequests {

    static final int MAX_IN_FLIGHT = 64;

    private final Semaphore slots = new Semaphore(MAX_IN_FLIGHT);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String token;

    FixedRateRequests(String token) {
        this.token = token;
    }

    /** The outcome: latencies in µs of the answered requests, how many failed, and why (status or exception, counted). */
    record Outcome(Histogram micros, long sent, long errors, Map<String, Long> errorKinds) {
    }

    /** Sends GETs of {@code urls} in turn at {@code rate} per second for {@code duration}, then waits for the answers. */
    Outcome run(List<URI> urls, int rate, Duration duration) throws InterruptedException {
        Histogram micros = new Histogram(3);
        AtomicLong errors = new AtomicLong();
        Map<String, Long> kinds = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<CompletableFuture<?>> pending = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long end = start + duration.toNanos();
        FixedRateSchedule schedule = new FixedRateSchedule(rate, start, () -> end);
        for (long due = schedule.awaitNext(); due >= 0; due = schedule.awaitNext()) {
            long sent = schedule.count() - 1;
            long dueNanos = due;
            slots.acquire();
            HttpRequest request = HttpRequest.newBuilder(urls.get((int) (sent % urls.size())))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, e) -> {
                long answered = System.nanoTime();
                slots.release();
                if (e != null || response.statusCode() != 200) {
                    errors.incrementAndGet();
                    kinds.merge(e != null ? rootCause(e).getClass().getSimpleName() : "HTTP " + response.statusCode(), 1L,
                            Long::sum);
                } else {
                    synchronized (micros) {
                        micros.recordValue(Math.max(0, (answered - dueNanos) / 1_000));
                    }
                }
            }));
            if (sent % 1_000 == 0) {
                pending.removeIf(CompletableFuture::isDone);
            }
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        synchronized (micros) {
            return new Outcome(micros.copy(), schedule.count(), errors.get(), Map.copyOf(kinds));
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
