package io.ticklake.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * A Confluent Schema Registry REST client with no caching: every call is one HTTP request (plus
 * retries). Wrap it in {@link CachedSchemaRegistryClient} for serializers.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private final RegistryTransport transport;

    public RestSchemaRegistryClient(RegistryClientSettings settings) {
        this.transport = new RegistryTransport(settings);
    }

    @Override
    public int register(String subject, Schema schema) {
        JsonNode answer = transport.post("/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        return answer.get("id").asInt();
    }

    @Override
    public int getId(String subject, Schema schema) {
        JsonNode answer = transport.post("/subjects/" + encode(subject), schemaBody(schema));
        return answer.get("id").asInt();
    }

    @Override
    public Schema getById(int id) {
        JsonNode answer = transport.get("/schemas/ids/" + id);
        return parse(answer.get("schema").asText());
    }

    @Override
    public RegisteredSchema getLatest(String subject) {
        JsonNode answer = transport.get("/subjects/" + encode(subject) + "/versions/latest");
        return new RegisteredSchema(subject, answer.get("version").asInt(), answer.get("id").asInt(),
                parse(answer.get("schema").asText()));
    }

    @Override
    public CompatibilityResult testCompatibility(String subject, Schema schema) {
        try {
            JsonNode answer = transport.post("/compatibility/subjects/" + encode(subject)
                    + "/versions/latest?verbose=true", schemaBody(schema));
            List<String> messages = new ArrayList<>();
            answer.path("messages").forEach(message -> messages.add(message.asText()));
            return new CompatibilityResult(answer.path("is_compatible").asBoolean(false), messages);
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                return CompatibilityResult.ok(); // nothing registered yet: any schema may be the first
            }
            throw e;
        }
    }

    @Override
    public CompatibilityLevel getCompatibility(String subject) {
        try {
            return level(transport.get("/config/" + encode(subject) + "?defaultToGlobal=true"));
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                return getGlobalCompatibility(); // registries that do not know defaultToGlobal answer 404
            }
            throw e;
        }
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        transport.put("/config/" + encode(subject), Map.of("compatibility", level.name()));
    }

    @Override
    public CompatibilityLevel getGlobalCompatibility() {
        return level(transport.get("/config"));
    }

    @Override
    public void setGlobalCompatibility(CompatibilityLevel level) {
        transport.put("/config", Map.of("compatibility", level.name()));
    }

    private static CompatibilityLevel level(JsonNode answer) {
        // Confluent answers {"compatibilityLevel": ...}; some registries echo {"compatibility": ...}
        JsonNode value = answer.hasNonNull("compatibilityLevel") ? answer.get("compatibilityLevel")
                : answer.get("compatibility");
        return CompatibilityLevel.parse(value == null ? null : value.asText());
    }

    private static Map<String, String> schemaBody(Schema schema) {
        return Map.of("schema", schema.toString());
    }

    private static Schema parse(String text) {
        return new Schema.Parser().parse(text);
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
