package io.ticklake.dashboard.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticklake.dashboard.api.BadParameterException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The JSON of a flat Avro contract ({@code AlertRule}, {@code Alert}) as the API shows it: the contract's own
 * field names, unions as their value or {@code null}, enums as their name, {@code timestamp-millis} as ISO-8601
 * instants. Reading fills the contract's defaults first, and refuses an unknown field or a value of the wrong
 * type with a {@link BadParameterException} naming the field. Avro's own JSON encoding wraps unions
 * ({@code {"double": 1.5}}), which no API client expects.
 */
final class AvroJson {

    private AvroJson() {
    }

    /** Field name to value, in the contract's order. */
    static Map<String, Object> write(SpecificRecordBase record) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.pos());
            json.put(field.name(), value instanceof Instant || value instanceof Enum<?> || value instanceof CharSequence
                    ? value.toString() : value);
        }
        return json;
    }

    /**
     * Sets the fields {@code body} has on {@code record} (whose other fields keep what they hold); fields in
     * {@code readOnly} are refused.
     */
    static <T extends SpecificRecordBase> T read(JsonNode body, T record, Set<String> readOnly) {
        if (body == null || !body.isObject()) {
            throw new BadParameterException("body", "the body must be a JSON object of " + record.getSchema().getName()
                    + " fields");
        }
        Schema schema = record.getSchema();
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = fields.next();
            Schema.Field field = schema.getField(entry.getKey());
            if (field == null) {
                throw new BadParameterException(entry.getKey(), "unknown field '" + entry.getKey() + "'; fields are "
                        + schema.getFields().stream().map(Schema.Field::name).toList());
            }
            if (readOnly.contains(field.name())) {
                throw new BadParameterException(field.name(), "'" + field.name() + "' is set by the server");
            }
            record.put(field.pos(), value(field.name(), field.schema(), entry.getValue()));
        }
        return record;
    }

    /** A record of {@code type} holding its contract's defaults (required fields without one stay null). */
    static <T extends SpecificRecordBase> T withDefaults(T record) {
        for (Schema.Field field : record.getSchema().getFields()) {
            if (field.hasDefaultValue()) {
                record.put(field.pos(), SpecificData.get().deepCopy(field.schema(),
                        SpecificData.get().getDefaultValue(field)));
            }
        }
        return record;
    }

    private static Object value(String name, Schema schema, JsonNode node) {
        if (schema.isNullable() && (node == null || node.isNull())) {
            return null;
        }
        if (schema.getType() == Schema.Type.UNION) {
            Schema branch = schema.getTypes().stream().filter(type -> type.getType() != Schema.Type.NULL).findFirst()
                    .orElseThrow();
            return value(name, branch, node);
        }
        switch (schema.getType()) {
            case STRING:
                require(name, node.isTextual(), "a string", node);
                return node.asText();
            case DOUBLE:
                require(name, node.isNumber(), "a number", node);
                return node.asDouble();
            case INT:
                require(name, node.isIntegralNumber() && node.canConvertToInt(), "an integer", node);
                return node.asInt();
            case BOOLEAN:
                require(name, node.isBoolean(), "true or false", node);
                return node.asBoolean();
            case ENUM:
                require(name, node.isTextual() && schema.getEnumSymbols().contains(node.asText()),
                        "one of " + schema.getEnumSymbols(), node);
                return SpecificData.get().createEnum(node.asText(), schema);
            case LONG:
                if (schema.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
                    try {
                        return node.isIntegralNumber() ? Instant.ofEpochMilli(node.asLong()) : Instant.parse(node.asText());
                    } catch (DateTimeParseException e) {
                        throw new BadParameterException(name, "'" + name + "' must be an ISO-8601 instant or epoch"
                                + " millis, not " + node);
                    }
                }
                require(name, node.isIntegralNumber() && node.canConvertToLong(), "an integer", node);
                return node.asLong();
            default:
                throw new BadParameterException(name, "'" + name + "' cannot be set through the API");
        }
    }

    private static void require(String name, boolean holds, String expected, JsonNode node) {
        if (!holds) {
            throw new BadParameterException(name, "'" + name + "' must be " + expected + ", not " + node);
        }
    }
}
