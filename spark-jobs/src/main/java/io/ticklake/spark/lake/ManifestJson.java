package io.ticklake.spark.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes {@code _manifest.json} in the lake contract's field names. */
public final class ManifestJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestJson() {
    }

    public static byte[] toBytes(Manifest manifest) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format_version", manifest.formatVersion());
        root.put("table", manifest.table());
        root.put("hour_start", manifest.hourStart().toString());
        root.put("version", manifest.version());
        root.put("created_at", manifest.createdAt().toString());
        root.put("source_fingerprint", manifest.sourceFingerprint());
        root.put("row_count", manifest.rowCount());
        ArrayNode files = root.putArray("files");
        for (ManifestFile file : manifest.files()) {
            files.addObject().put("path", file.path()).put("rows", file.rows()).put("bytes", file.bytes());
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a manifest.
     *
     * @param where named in error messages (the manifest's location)
     * @throws InvalidManifestException when the JSON is not a manifest this reader understands
     */
    public static Manifest parse(InputStream in, String where) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new InvalidManifestException(where + " is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidManifestException(where + " is not a JSON object");
        }
        int format = required(root, "format_version", where).asInt();
        if (format != Manifest.FORMAT_VERSION) {
            throw new InvalidManifestException(where + " has format_version " + format + "; this reader knows "
                    + Manifest.FORMAT_VERSION);
        }
        List<ManifestFile> files = new ArrayList<>();
        JsonNode list = required(root, "files", where);
        if (!list.isArray()) {
            throw new InvalidManifestException(where + ": 'files' is not an array");
        }
        try {
            for (JsonNode file : list) {
                files.add(new ManifestFile(required(file, "path", where).asText(), required(file, "rows", where).asLong(),
                        required(file, "bytes", where).asLong()));
            }
            return new Manifest(format, required(root, "table", where).asText(),
                    instant(root, "hour_start", where), required(root, "version", where).asLong(),
                    instant(root, "created_at", where), required(root, "source_fingerprint", where).asText(),
                    required(root, "row_count", where).asLong(), files);
        } catch (IllegalArgumentException e) {
            throw new InvalidManifestException(where + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidManifestException(where + " lacks '" + field + "'");
        }
        return value;
    }

    private static Instant instant(JsonNode node, String field, String where) {
        String text = required(node, field, where).asText();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidManifestException(where + ": '" + field + "' is not an ISO-8601 instant: " + text, e);
        }
    }
}
