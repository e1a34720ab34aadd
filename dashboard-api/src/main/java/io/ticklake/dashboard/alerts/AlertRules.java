package io.ticklake.dashboard.alerts;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.ticklake.dashboard.api.BadParameterException;
import io.ticklake.dashboard.config.KafkaClientSettings;
import io.ticklake.schemas.AlertRule;
import io.ticklake.schemas.contract.AlertRuleContract;
import io.ticklake.schemas.contract.RuleViolation;
import io.ticklake.schemas.serde.SpecificAvroSerde;
import io.ticklake.streams.StreamsAppConfig;
import io.ticklake.streams.alerts.AlertTopology;
import io.ticklake.streams.host.KpiInstance;
import io.ticklake.streams.query.KpiUnavailableException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The alert rules: read from the hosted topology's global store of {@code alert-rules} (every instance holds
 * every rule), written to that compacted topic (a delete is a tombstone). A write is acknowledged by all in-sync
 * replicas before it is answered; the store, and so the evaluation and the list, follow within moments.
 */
@Singleton
class AlertRules {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final long SEND_TIMEOUT_MS = 15_000;

    private final KpiInstance instance;
    private final Deserializer<AlertRule> rules;
    private KafkaProducer<String, AlertRule> producer;

    AlertRules(KpiInstance instance) {
        this.instance = instance;
        SpecificAvroSerde<AlertRule> serde = new SpecificAvroSerde<>();
        serde.configure(instance.config().serdeConfig(), false);
        this.rules = serde.deserializer();
    }

    /** Every rule, by id. */
    List<AlertRule> all() {
        List<AlertRule> all = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> entries = store().all()) {
            entries.forEachRemaining(entry -> all.add(decode(entry.value)));
        }
        all.sort(Comparator.comparing(AlertRule::getRuleId));
        return all;
    }

    Optional<AlertRule> get(String id) {
        byte[] value = store().get(id);
        return value == null ? Optional.empty() : Optional.of(decode(value));
    }

    /** Writes {@code rule} after checking it against the contract; the first violation names its field. */
    AlertRule put(AlertRule rule) {
        List<RuleViolation> violations = AlertRuleContract.violations(rule);
        if (!violations.isEmpty()) {
            RuleViolation first = violations.get(0);
            throw new BadParameterException(first.field(), violations.stream()
                    .map(violation -> "'" + violation.field() + "' " + violation.message())
                    .collect(Collectors.joining("; ")));
        }
        send(rule.getRuleId(), rule);
        return rule;
    }

    /** Deletes the rule {@code id} (a tombstone); false when there is none. */
    boolean delete(String id) {
        if (get(id).isEmpty()) {
            return false;
        }
        send(id, null);
        return true;
    }

    private ReadOnlyKeyValueStore<String, byte[]> store() {
        StreamsAppConfig config = instance.config();
        if (!config.alertsEnabled()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "alerts are off on this instance ("
                    + StreamsAppConfig.ALERTS_ENABLED + "=false)");
        }
        try {
            return instance.streams().store(StoreQueryParameters.fromNameAndType(AlertTopology.RULES_STORE,
                    QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw new KpiUnavailableException("the alert rules are not loaded yet: " + e.getMessage(), RETRY_AFTER, e);
        }
    }

    private AlertRule decode(byte[] value) {
        return rules.deserialize(instance.config().alertRulesTopic(), value);
    }

    private void send(String id, AlertRule rule) {
        try {
            producer().send(new ProducerRecord<>(instance.config().alertRulesTopic(), id, rule))
                    .get(SEND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new KpiUnavailableException("could not write to " + instance.config().alertRulesTopic() + ": "
                    + (e.getCause() == null ? e : e.getCause()), RETRY_AFTER, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KpiUnavailableException("interrupted", RETRY_AFTER, e);
        }
    }

    private synchronized KafkaProducer<String, AlertRule> producer() {
        if (producer == null) {
            StreamsAppConfig config = instance.config();
            Map<String, Object> props = KafkaClientSettings.of(config, ProducerConfig.configNames());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "ticklake-dashboard-alert-rules");
            SpecificAvroSerde<AlertRule> serde = new SpecificAvroSerde<>();
            serde.configure(config.serdeConfig(), false);
            producer = new KafkaProducer<>(props, new StringSerializer(), serde.serializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
