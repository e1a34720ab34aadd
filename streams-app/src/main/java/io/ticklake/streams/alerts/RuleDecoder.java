package io.ticklake.streams.alerts;

import io.ticklake.schemas.AlertRule;
import io.ticklake.schemas.contract.AlertRuleContract;
import io.ticklake.schemas.contract.RuleViolation;
import io.ticklake.schemas.serde.SpecificAvroSerde;
import io.ticklake.streams.ingest.TickDecoder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a stored rule (the rules topic's bytes) into an {@link AlertRule} that can be evaluated, or nothing: a
 * value that is not an {@code AlertRule}, whose {@code rule_id} is not its key, or that breaks
 * {@link AlertRuleContract} is logged and ignored, never fails the stream thread. A registry that cannot be
 * reached is rethrown (as for ticks): the thread is replaced and reads the rules again once it is back.
 */
final class RuleDecoder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuleDecoder.class);

    private final String topic;
    private final Deserializer<AlertRule> avro;

    RuleDecoder(String topic, Map<String, ?> serdeConfig) {
        this.topic = topic;
        SpecificAvroSerde<AlertRule> serde = new SpecificAvroSerde<>();
        serde.configure(serdeConfig, false);
        this.avro = serde.deserializer();
    }

    Optional<AlertRule> decode(String ruleId, byte[] value) {
        Object decoded;
        try {
            decoded = avro.deserialize(topic, value);
        } catch (SerializationException e) {
            if (TickDecoder.isRegistryTrouble(e)) {
                throw e;
            }
            return ignored(ruleId, e.getMessage());
        } catch (RuntimeException e) {
            return ignored(ruleId, e.toString());
        }
        if (!(decoded instanceof AlertRule rule)) {
            return ignored(ruleId, "the value is a " + (decoded == null ? "null" : decoded.getClass().getName())
                    + ", not an AlertRule");
        }
        if (!ruleId.equals(rule.getRuleId())) {
            return ignored(ruleId, "its rule_id '" + rule.getRuleId() + "' is not the record key");
        }
        List<RuleViolation> violations = AlertRuleContract.violations(rule);
        if (!violations.isEmpty()) {
            return ignored(ruleId, violations.toString());
        }
        return Optional.of(rule);
    }

    private Optional<AlertRule> ignored(String ruleId, String reason) {
        LOG.warn("Alert rule '{}' on {} is ignored: {}", ruleId, topic, reason);
        return Optional.empty();
    }

    @Override
    public void close() {
        avro.close();
    }
}
