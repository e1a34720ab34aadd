package io.ticklake.streams.live;

import static io.ticklake.streams.live.ProvisionalAlertsTest.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticklake.schemas.Alert;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery of provisional alerts: alerts are recorded only while the thread runs and someone listens, reach
 * every listener in order without waiting for a poll interval, and a failing listener stops nothing.
 */
class ProvisionalAlertPublisherTest {

    private final ProvisionalAlerts sink = new ProvisionalAlerts(100);
    private final ProvisionalAlertPublisher publisher = new ProvisionalAlertPublisher(sink);

    @AfterEach
    void close() {
        publisher.close();
    }

    @Test
    void recordsOnlyWhileRunningWithAListener() {
        assertThat(sink.isEnabled()).isFalse();
        ProvisionalPublisher.Registration registration = publisher.subscribe(alerts -> { });
        assertThat(sink.isEnabled()).as("a listener, no delivery thread yet").isFalse();
        publisher.start();
        assertThat(sink.isEnabled()).isTrue();
        registration.close();
        assertThat(sink.isEnabled()).as("no listener left").isFalse();
        publisher.subscribe(alerts -> { });
        publisher.close();
        assertThat(sink.isEnabled()).as("closed").isFalse();
    }

    @Test
    void everyListenerGetsEachAlertOnceInOrderAndAFailingOneStopsNothing() {
        List<Alert> first = new CopyOnWriteArrayList<>();
        List<Alert> second = new CopyOnWriteArrayList<>();
        publisher.subscribe(first::addAll);
        publisher.subscribe(alerts -> {
            throw new IllegalStateException("listener bug");
        });
        publisher.subscribe(second::addAll);
        publisher.start();

        for (int i = 0; i < 20; i++) {
            assertThat(sink.offer(alert("r" + i, i))).isTrue();
        }

        List<String> expected = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "r" + i).toList();
        // the thread wakes on the first alert; the deadline is only a bound for a loaded machine
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(first).extracting(Alert::getRuleId).containsExactlyElementsOf(expected);
            assertThat(second).extracting(Alert::getRuleId).containsExactlyElementsOf(expected);
        });
        assertThat(publisher.publishedCount()).isEqualTo(20);
        assertThat(sink.waiting()).isZero();
    }
}
