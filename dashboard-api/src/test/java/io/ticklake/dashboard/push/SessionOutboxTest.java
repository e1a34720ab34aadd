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

    private static String provisional(int n) {
        return "{\"n\":" + n + ",\"p\":true}";
    }

    private static JsonNode json(String frame) throws Exception {
        return MAPPER.readTree(frame);
    }

    @Test
    void sendsEachUpdateAtOnceToAClientThatKeepsUp() throws Exception {
        ManualSink sink = new ManualSink();
        SessionOutbox outbox = new SessionOutbox(sink, 10, 100, Overflow.DROP_OLDEST, OutboxListener.NONE);

        outbox.offerUpdate("W" + 1, kpi(1), false);
        sink.completeAll();
        outbox.offerUpdate("W" + 2, kpi(2), false);

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
            outbox.offerUpdate("W" + n, kpi(n), false);
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
            outbox.offerUpdate("W" + n, kpi(n), false);
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
            outbox.offerUpdate("W" + n, kpi(n), false);
        }
        outbox.offerUpdate("W" + 6, kpi(6), false);
        sink.completeAll();

        assertThat(sink.closeCode).isEqualTo(SessionOutbox.CLOSE_TOO_SLOW);
        assertThat(sink.closeReason).contains("too slow").contains("3");
        assertThat(listener.disconnected).hasValue(1);
        assertThat(sink.frames).hasSize(1);
    }

    @Test
    void closesAClientThatDoesNotReadBeforeItsQueuePassesTheByteLimit() {
        ManualSink sink = new ManualSink();
        CountingListener listener = new CountingListener();
        SessionOutbox outbox = new SessionOutbox(sink, 1000, 100, Overflow.DROP_OLDEST, 1000, listener);
        String ack = "x".repeat(300);

        outbox.offerControl(ack);          // in flight, never completed: the client reads nothing
        outbox.offerControl(ack);
        outbox.offerControl(ack);
        outbox.offerUpdate("W1", "y".repeat(300), false);
        assertThat(outbox.queuedBytes()).isEqualTo(900);
        assertThat(sink.closeCode).isNull();

        outbox.offerControl(ack);          // 1200 > 1000: refused, the session closed

        assertThat(sink.closeCode).isEqualTo(SessionOutbox.CLOSE_TOO_SLOW);
        assertThat(sink.closeReason).contains("1000 bytes");
        assertThat(listener.disconnected).hasValue(1);
        assertThat(outbox.peakQueuedBytes()).isEqualTo(900);
        assertThat(outbox.queuedBytes()).isZero();
        outbox.offerControl(ack);
        assertThat(sink.frames).hasSize(1);
    }

    @Test
    void queuedBytesFollowWhatIsSentAndReplaced() {
        ManualSink sink = new ManualSink();
        SessionOutbox outbox = new SessionOutbox(sink, 1000, 100, Overflow.DROP_OLDEST, 10_000,
                OutboxListener.NONE);

        outbox.offerUpdate("W1", kpi(1), false);                 // in flight
        outbox.offerUpdate("W2", provisional(2), true);
        outbox.offerUpdate("W2", provisional(222), true);        // replaces the waiting value
        assertThat(outbox.queuedBytes()).isEqualTo(provisional(222).length());

        sink.completeAll();
        sink.completeAll();

        assertThat(outbox.queuedBytes()).isZero();
    }

    @Test
    void sendsControlFramesFirstAndNeverDropsThem() throws Exception {
        ManualSink sink = new ManualSink();
        SessionOutbox outbox = new SessionOutbox(sink, 1, 100, Overflow.DROP_OLDEST, OutboxListener.NONE);

        outbox.offerUpdate("W" + 1, kpi(1), false);
        outbox.offerUpdate("W" + 2, kpi(2), false);
        outbox.offerControl("{\"type\":\"error\"}");
        outbox.offerControl("{\"type\":\"subscribed\"}");
        outbox.offerUpdate("W" + 3, kpi(3), false);
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

        outbox.offerUpdate("W" + 1, kpi(1), false);
        outbox.offerUpdate("W" + 2, kpi(2), false);
        sink.pending.remove(0).completeExceptionally(new IllegalStateException("connection reset"));
        outbox.offerUpdate("W" + 3, kpi(3), false);

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
            outbox.offerUpdate("W" + n, kpi(n), false);
        }

        assertThat(frames).hasSize(10_000);
    }

    @Test
    void framesHoldOneKindOfUpdateAndSayWhich() throws Exception {
        ManualSink sink = new ManualSink();
        SessionOutbox outbox = new SessionOutbox(sink, 100, 100, Overflow.DROP_OLDEST, OutboxListener.NONE);

        outbox.offerUpdate("A", provisional(1), true);   // goes out at once
        outbox.offerUpdate("B", provisional(2), true);
        outbox.offerUpdate("C", provisional(3), true);
        outbox.offerUpdate("A", kpi(4), false);
        outbox.offerUpdate("B", kpi(5), false);
        outbox.offerUpdate("D", provisional(6), true);
        sink.completeAll();
        sink.completeAll();
        sink.completeAll();
        sink.completeAll();

        assertThat(sink.frames).hasSize(4);
        assertThat(sink.frames).extracting(frame -> json(frame).get("provisional").asBoolean())
                .containsExactly(true, true, false, true);
        assertThat(json(sink.frames.get(1)).get("kpis")).extracting(node -> node.get("n").asInt())
                .containsExactly(2, 3);
        assertThat(json(sink.frames.get(2)).get("kpis")).extracting(node -> node.get("n").asInt())
                .containsExactly(4, 5);
        assertThat(json(sink.frames.get(3)).get("kpis")).extracting(node -> node.get("n").asInt())
                .containsExactly(6);
    }

    @Test
    void aWaitingProvisionalValueIsReplacedByTheNewerOneOfTheSameWindow() throws Exception {
        ManualSink sink = new ManualSink();
        CountingListener listener = new CountingListener();
        SessionOutbox outbox = new SessionOutbox(sink, 3, 100, Overflow.DROP_OLDEST, listener);

        outbox.offerUpdate("X", provisional(0), true);   // in flight
        for (int n = 1; n <= 1_000; n++) {
            outbox.offerUpdate("A", provisional(n), true);
            outbox.offerUpdate("B", provisional(-n), true);
        }
        assertThat(outbox.waiting()).isEqualTo(2);
        sink.completeAll();

        assertThat(json(sink.frames.get(1)).get("kpis")).extracting(node -> node.get("n").asInt())
                .containsExactly(1_000, -1_000);
        assertThat(listener.dropped).hasValue(0);
    }

    @Test
    void aProvisionalValueAfterAConfirmedOneOfTheWindowQueuesBehindIt() throws Exception {
        ManualSink sink = new ManualSink();
        SessionOutbox outbox = new SessionOutbox(sink, 10, 100, Overflow.DROP_OLDEST, OutboxListener.NONE);

        outbox.offerUpdate("X", kpi(0), false);          // in flight
        outbox.offerUpdate("A", provisional(1), true);
        outbox.offerUpdate("A", kpi(2), false);
        outbox.offerUpdate("A", provisional(3), true);
        outbox.offerUpdate("A", provisional(4), true);
        sink.completeAll();
        sink.completeAll();
        sink.completeAll();

        assertThat(sink.frames).hasSize(4);
        assertThat(sink.frames.subList(1, 4)).extracting(frame -> json(frame).get("kpis").get(0).get("n").asInt())
                .containsExactly(1, 2, 4);
    }

    @Test
    void aSentProvisionalValueIsNotReplacedAfterwards() throws Exception {
        ManualSink sink = new ManualSink();
        SessionOutbox outbox = new SessionOutbox(sink, 10, 100, Overflow.DROP_OLDEST, OutboxListener.NONE);

        outbox.offerUpdate("A", provisional(1), true);   // in flight
        outbox.offerUpdate("A", provisional(2), true);   // waits
        sink.completeAll();                                        // 2 goes out
        outbox.offerUpdate("A", provisional(3), true);   // waits again
        sink.completeAll();
        sink.completeAll();

        assertThat(sink.frames).extracting(frame -> json(frame).get("kpis").get(0).get("n").asInt())
                .containsExactly(1, 2, 3);
    }
}
