package io.ticklake.schemas.registry;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Caches what never changes in a registry (ids of registered schemas, schemas by id) forever and
 * the latest version of a subject for a configurable time, so the serde hot path makes no HTTP
 * call. Failed calls are not cached: a registry that comes back is used by the next call.
 */
public final class CachedSchemaRegistryClient implements SchemaRegistryClient {

    private final SchemaRegistryClient delegate;
    private final Duration latestTtl;
    private final Clock clock;
    private final Map<SubjectSchema, Integer> registered = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> lookedUp = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> byId = new ConcurrentHashMap<>();
    private final Map<String, TimedLatest> latest = new ConcurrentHashMap<>();

    /**
     * @param latestTtl how long a subject's latest version is reused; negative means forever
     */
    public CachedSchemaRegistryClient(SchemaRegistryClient delegate, Duration latestTtl, Clock clock) {
        this.delegate = delegate;
        this.latestTtl = latestTtl;
        this.clock = clock;
    }

    public CachedSchemaRegistryClient(SchemaRegistryClient delegate) {
        this(delegate, Duration.ofMinutes(-1), Clock.systemUTC());
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer id = registered.get(key);
        if (id == null) {
            id = delegate.register(subject, schema);
            registered.put(key, id);
            byId.putIfAbsent(id, schema);
        }
        return id;
    }

    @Override
    public int getId(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer id = registered.get(key);
        if (id == null) {
            id = lookedUp.get(key);
        }
        if (id == null) {
            id = delegate.getId(subject, schema);
            lookedUp.put(key, id);
            byId.putIfAbsent(id, schema);
        }
        return id;
    }

    @Override
    public Schema getById(int id) {
        Schema schema = byId.get(id);
        if (schema == null) {
            schema = delegate.getById(id);
            byId.put(id, schema);
        }
        return schema;
    }

    @Override
    public RegisteredSchema getLatest(String subject) {
        TimedLatest cached = latest.get(subject);
        long now = clock.millis();
        if (cached != null && (latestTtl.isNegative() || now - cached.fetchedAt() < latestTtl.toMillis())) {
            return cached.schema();
        }
        RegisteredSchema fresh = delegate.getLatest(subject);
        latest.put(subject, new TimedLatest(fresh, now));
        byId.putIfAbsent(fresh.id(), fresh.schema());
        return fresh;
    }

    @Override
    public CompatibilityResult testCompatibility(String subject, Schema schema) {
        return delegate.testCompatibility(subject, schema);
    }

    @Override
    public CompatibilityLevel getCompatibility(String subject) {
        return delegate.getCompatibility(subject);
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        delegate.setCompatibility(subject, level);
    }

    @Override
    public CompatibilityLevel getGlobalCompatibility() {
        return delegate.getGlobalCompatibility();
    }

    @Override
    public void setGlobalCompatibility(CompatibilityLevel level) {
        delegate.setGlobalCompatibility(level);
    }

    @Override
    public void close() {
        delegate.close();
    }

    private record SubjectSchema(String subject, Schema schema) {
    }

    private record TimedLatest(RegisteredSchema schema, long fetchedAt) {
    }
}
