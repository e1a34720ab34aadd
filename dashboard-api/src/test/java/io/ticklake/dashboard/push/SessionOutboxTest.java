package io.ticklake.dashboard.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticklake.dashboard.config.PushProperties.Overflow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionOutboxTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A connection whose writes complete when the test says so. */
    private static final class ManualSink implements FrameSink {
        final List<String> frames = new ArrayList<>();
        final List<CompletableFuture<Void>> pending = new ArrayList<>();
        Integer closeCode;
        String closeReason;

        @Override
        public CompletionStage<?> send(String frame) {
            frames.add(frame);
            CompletableFuture<Void> written = new CompletableFuture<>();
            pending.add(written);
            return written;
        }

        @Override
        public void close(int code, String reason) {
            closeCode = code;
            closeReason = reason;
        }

        void completeAll() {
            while (!pending.isEmpty()) {
                pending.remove(0).complete(null);
            }
        }
    }

    private static final class CountingListener implements OutboxListener {
        final AtomicInteger dropped = new AtomicInteger();
        final AtomicInteger disconnected = new AtomicInteger();

        @Override
        public void dropped(int count) {
            dropped.addAndGet(count);
        }

        @Override
        public void disconnectedSlow() {
            disconnected.incrementAndGet();
        }
    }

    private static String kpi(int n) {
        return "{\"n\":" + n + "}";
    }

    private static JsonNode json(String frame) throws Exception {
        return MAPPER.readTree(frame);
    }

    @Test
    void sendsEachUpdateAtOnceToAClientThatKeepsUp() throws Exception {
        ManualSink sink = new ManualSink();
        SessionOutbox outbox = new SessionOutbox(sink, 10, 100, Overflow.DROP_OLDEST, OutboxListener.NONE);

        outbox.offerUpdate(kpi(1));
        sink.completeAll();
        outbox.offerUpdate(kpi(2));

        assertThat(sink.frames).hasSize(2);
        assertThat(json(sink.frames.get(0)).get("kpis").get(0).get("n").asInt()).isEqualTo(1);
        assertThat(json(sink.frames.get(1)).get("type").asText()).isEqualTo("kpis");
        assertThat(json(sink.frames.get(1)).get("kpis").get(0).get("n").asInt()).isEqualTo(2);
    }

    @Test
    void batchesWhatPiledUpWhileAFrameWasInFlight() throws Exception {
        ManualSink sink = new ManualSink();
        SessionOutbox outbox = new SessionOutbox(sink, 100, 3, Overflow.DROP_OLDEST, OutboxListener.NONE);

        for (int n = 1; n <= 5; n++) {
            outbox.offerUpdate(kpi(n));
        }
        assertThat(sink.frames).hasSize(1);
        sink.pending.remove(0).complete(null);
        assertThat(sink.frames).hasSize(2);
        sink.pending.remove(0).complete(null);

        assertThat(sink.frames).hasSize(3);
        assertThat(json(sink.frames.get(1)).get("kpis")).extracting(node -> node.get("n").asInt())
                .containsExactly(2, 3, 4);
        assertThat(json(sink.frames.get(2)).get("kpis")).extracting(node -> node.get("n").asInt())
                .containsExactly(5);
        assertThat(outbox.waiting()).isZero();
    }

    @Test
    void dropsTheOldestUpdatesOfASlowClientAndSaysHowMany() throws Exception {
        ManualSink sink = new ManualSink();
        CountingListener listener = new CountingListener();
        SessionOutbox outbox = new SessionOutbox(sink, 3, 100, Overflow.DROP_OLDEST, listener);

        for (int n = 1; n <= 7; n++) {
            outbox.offerUpdate(kpi(n));
        }
        sink.completeAll();

        // 1 went out at once; of 2..7 only the newest 3 fit
        JsonNode second = json(sink.frames.get(1));
        assertThat(second.get("dropped").asInt()).isEqualTo(3);
        assertThat(second.get("kpis")).extracting(node -> node.get("n").asInt()).containsExactly(5, 6, 7);
        assertThat(listener.dropped).hasValue(3);
        assertThat(sink.closeCode).isNull();
    }

    @Test
    void disconnectsASlowClientWithAReasonWhenSoConfigured() {
        ManualSink sink = new ManualSink();
        CountingListener listener = new CountingListener();
        SessionOutbox outbox = new SessionOutbox(sink, 3, 100, Overflow.DISCONNECT, listener);

        for (int n = 1; n <= 5; n++) {
            outbox.offerUpdate(kpi(n));
        }
        outbox.offerUpdate(kpi(6));
        sink.completeAll();

        assertThat(sink.closeCode).isEqualTo(SessionOutbox.CLOSE_TOO_SLOW);
        assertThat(sink.closeReason).contains("too slow").contains("3");
        assertThat(listener.disconnected).hasValue(1);
        assertThat(sink.frames).hasSize(1);
    }

    @Test
    void sendsControlFramesFirstAndNeverDropsThem() throws Exception {
        ManualSink sink = new ManualSink();
        SessionOutbox outbox = new SessionOutbox(sink, 1, 100, Overflow.DROP_OLDEST, OutboxListener.NONE);

        outbox.offerUpdate(kpi(1));
        outbox.offerUpdate(kpi(2));
        outbox.offerControl("{\"type\":\"error\"}");
        outbox.offerControl("{\"type\":\"subscribed\"}");
        outbox.offerUpdate(kpi(3));
        sink.completeAll();
        sink.completeAll();
        sink.completeAll();

        assertThat(sink.frames).hasSize(4);
        assertThat(json(sink.frames.get(1)).get("type").asText()).isEqualTo("error");
        assertThat(json(sink.frames.get(2)).get("type").asText()).isEqualTo("subscribed");
        assertThat(json(sink.frames.get(3)).get("kpis").get(0).get("n").asInt()).isEqualTo(3);
    }

    @Test
    void aFailedWriteStopsTheOutbox() {
        ManualSink sink = new ManualSink();
        SessionOutbox outbox = new SessionOutbox(sink, 10, 100, Overflow.DROP_OLDEST, OutboxListener.NONE);

        outbox.offerUpdate(kpi(1));
        outbox.offerUpdate(kpi(2));
        sink.pending.remove(0).completeExceptionally(new IllegalStateException("connection reset"));
        outbox.offerUpdate(kpi(3));

        assertThat(sink.frames).hasSize(1);
        assertThat(outbox.waiting()).isZero();
    }

    @Test
    void writesThatCompleteAtOnceAreSentInALoop() {
        List<String> frames = new ArrayList<>();
        FrameSink immediate = new FrameSink() {
            @Override
            public CompletionStage<?> send(String frame) {
                frames.add(frame);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void close(int code, String reason) {
            }
        };
        SessionOutbox outbox = new SessionOutbox(immediate, 10, 1, Overflow.DROP_OLDEST, OutboxListener.NONE);

        for (int n = 1; n <= 10_000; n++) {
            outbox.offerUpdate(kpi(n));
        }

        assertThat(frames).hasSize(10_000);
    }
}
