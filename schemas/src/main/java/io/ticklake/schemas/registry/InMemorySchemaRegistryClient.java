package io.ticklake.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A registry held in memory, for unit tests of pure logic (for example TopologyTestDriver tests).
 * Selected with a {@code mock://<scope>} URL, as with Confluent's serde: every client of the same
 * scope in one JVM shares the same registry. It applies the compatibility rules with Avro's own
 * {@link SchemaCompatibility}.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private static final Map<String, InMemorySchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

    private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<Schema, Integer> idsBySchema = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;

    /** The shared registry of a {@code mock://} scope. */
    public static InMemorySchemaRegistryClient forScope(String scope) {
        return SCOPES.computeIfAbsent(scope, ignored -> new InMemorySchemaRegistryClient());
    }

    /** Forgets a scope, so the next {@link #forScope} starts empty. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<Integer> versions = versionsBySubject.computeIfAbsent(subject, ignored -> new ArrayList<>());
        Integer existing = idsBySchema.get(schema);
        if (existing != null && versions.contains(existing)) {
            return existing;
        }
        CompatibilityResult result = testCompatibility(subject, schema);
        if (!result.compatible()) {
            throw new SchemaRegistryException("Schema being registered is incompatible with an earlier schema for"
                    + " subject \"" + subject + "\": " + result.messages(), 409, 409, null);
        }
        int id = existing != null ? existing : schemasById.size() + 1;
        schemasById.put(id, schema);
        idsBySchema.put(schema, id);
        versions.add(id);
        return id;
    }

    @Override
    public synchronized int getId(String subject, Schema schema) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw notFound("Subject '" + subject + "' not found", SchemaRegistryException.SUBJECT_NOT_FOUND);
        }
        Integer id = idsBySchema.get(schema);
        if (id == null || !versions.contains(id)) {
            throw notFound("Schema not found under subject '" + subject + "'", SchemaRegistryException.SCHEMA_NOT_FOUND);
        }
        return id;
    }

    @Override
    public synchronized Schema getById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw notFound("Schema " + id + " not found", SchemaRegistryException.SCHEMA_NOT_FOUND);
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema getLatest(String subject) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw notFound("Subject '" + subject + "' not found", SchemaRegistryException.SUBJECT_NOT_FOUND);
        }
        int id = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, versions.size(), id, schemasById.get(id));
    }

    @Override
    public synchronized CompatibilityResult testCompatibility(String subject, Schema schema) {
        List<Integer> versions = versionsBySubject.getOrDefault(subject, List.of());
        if (versions.isEmpty()) {
            return CompatibilityResult.ok();
        }
        CompatibilityLevel level = getCompatibility(subject);
        List<Integer> checked = level.name().endsWith("TRANSITIVE") ? versions
                : List.of(versions.get(versions.size() - 1));
        List<String> messages = new ArrayList<>();
        for (int id : checked) {
            Schema earlier = schemasById.get(id);
            if (level.name().startsWith("BACKWARD") || level.name().startsWith("FULL")) {
                check(schema, earlier, "new schema cannot read data written with schema id " + id, messages);
            }
            if (level.name().startsWith("FORWARD") || level.name().startsWith("FULL")) {
                check(earlier, schema, "schema id " + id + " cannot read data written with the new schema", messages);
            }
        }
        return new CompatibilityResult(messages.isEmpty(), messages);
    }

    private static void check(Schema reader, Schema writer, String what, List<String> messages) {
        SchemaCompatibility.SchemaPairCompatibility pair =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (pair.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            messages.add(what + ": " + pair.getResult().getIncompatibilities());
        }
    }

    @Override
    public synchronized CompatibilityLevel getCompatibility(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    @Override
    public synchronized void setCompatibility(String subject, CompatibilityLevel level) {
        subjectLevels.put(subject, level);
    }

    @Override
    public synchronized CompatibilityLevel getGlobalCompatibility() {
        return globalLevel;
    }

    @Override
    public synchronized void setGlobalCompatibility(CompatibilityLevel level) {
        globalLevel = level;
    }

    private static SchemaRegistryException notFound(String message, int code) {
        return new SchemaRegistryException(message, 404, code, null);
    }
}
