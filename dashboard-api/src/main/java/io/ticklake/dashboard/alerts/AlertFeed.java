package io.ticklake.dashboard.alerts;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.ticklake.dashboard.push.CommittedTopicFeed;
import io.ticklake.dashboard.push.PushHub;
import io.ticklake.schemas.Alert;
import io.ticklake.schemas.serde.SpecificAvroSerde;
import io.ticklake.streams.host.KpiInstance;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the committed alerts of {@code stock-alerts} (every partition, from {@value #LOOKBACK_HOURS} hours ago
 * at start) into the {@link AlertLog} and pushes each one to the WebSocket sessions subscribed to it, as confirmed
 * ({@code "provisional": false}). Only these committed alerts enter the log: a provisional one
 * ({@link ProvisionalAlertFeed}) may belong to a transaction that aborts.
 */
@Singleton
class AlertFeed implements ApplicationEventListener<ServerStartupEvent> {

    static final int LOOKBACK_HOURS = 24;

    private final KpiInstance instance;
    private final PushHub hub;
    private final AlertLog log;
    private CommittedTopicFeed<Alert> feed;

    AlertFeed(KpiInstance instance, PushHub hub, AlertLog log) {
        this.instance = instance;
        this.hub = hub;
        this.log = log;
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (feed != null || !instance.config().alertsEnabled()) {
            return;
        }
        SpecificAvroSerde<Alert> values = new SpecificAvroSerde<>();
        values.configure(instance.config().serdeConfig(), false);
        feed = new CommittedTopicFeed<>("alert-feed", instance.config().alertsTopic(), instance.config(),
                values.deserializer(), AlertFeed::fromLookback, record -> {
                    Alert alert = record.value();
                    log.add(alert);
                    hub.publishAlert(alert.getSymbol(), alert.getKind().name(), AvroJson.write(alert), false);
                });
        feed.start();
    }

    /** Each partition from its first record of the last {@value #LOOKBACK_HOURS} hours, or its end. */
    private static void fromLookback(KafkaConsumer<String, ?> consumer, Set<TopicPartition> added) {
        long since = System.currentTimeMillis() - Duration.ofHours(LOOKBACK_HOURS).toMillis();
        Map<TopicPartition, Long> times = new HashMap<>();
        added.forEach(partition -> times.put(partition, since));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times, Duration.ofSeconds(5));
        added.forEach(partition -> {
            OffsetAndTimestamp offset = offsets.get(partition);
            if (offset == null) {
                consumer.seekToEnd(List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        });
    }

    @PreDestroy
    synchronized void stop() {
        if (feed != null) {
            feed.stop();
        }
    }
}
