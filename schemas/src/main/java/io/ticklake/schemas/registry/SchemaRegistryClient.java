package io.ticklake.schemas.registry;

import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry REST API that TickLake relies on. Any
 * Confluent-compatible registry (Confluent, Apicurio's {@code /apis/ccompat/v7}, Karapace,
 * Redpanda) answers these calls the same way.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** Returns the id of {@code schema} if it is registered under {@code subject}. */
    int getId(String subject, Schema schema);

    /** Returns the schema with the given global id. */
    Schema getById(int id);

    /** Returns the latest version registered under {@code subject}. */
    RegisteredSchema getLatest(String subject);

    /** Tells whether {@code schema} may be registered under {@code subject} given its compatibility rule. */
    CompatibilityResult testCompatibility(String subject, Schema schema);

    /** Returns the subject's compatibility level, falling back to the global one. */
    CompatibilityLevel getCompatibility(String subject);

    /** Sets the subject's compatibility level. */
    void setCompatibility(String subject, CompatibilityLevel level);

    /** Returns the registry-wide default compatibility level. */
    CompatibilityLevel getGlobalCompatibility();

    /** Sets the registry-wide default compatibility level. */
    void setGlobalCompatibility(CompatibilityLevel level);

    @Override
    default void close() {
    }
}
