package io.ticklake.infra.launch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A connector configuration file with {@code ${TICKLAKE_*}} placeholders for what only the running
 * platform knows (lake URI, endpoints, the secrets file's path). Secrets themselves stay references
 * ({@code ${file:...}}) that the Connect worker resolves, so they are never in the stored config.
 * Filling is JSON-aware: a value can hold any character.
 */
public final class ConnectorTemplate {

    /** {@code ${NAME}} with an upper-case name; provider references ({@code ${file:...}}) are left alone. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConnectorTemplate() {
    }

    /**
     * The connector config of {@code template} with every placeholder replaced from {@code variables}.
     *
     * @throws IllegalArgumentException naming the placeholder that {@code variables} does not set
     */
    public static Map<String, String> fill(Path template, Map<String, String> variables) {
        JsonNode tree;
        try {
            tree = JSON.readTree(Files.readString(template));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read connector template " + template + ": " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException(template + " is not a JSON object of connector settings");
        }
        Map<String, String> config = new LinkedHashMap<>();
        tree.fields().forEachRemaining(field -> config.put(field.getKey(),
                substitute(template, field.getKey(), field.getValue().asText(), variables)));
        return config;
    }

    /** {@code config} as the JSON body of {@code PUT /connectors/<name>/config}. */
    public static String toJson(Map<String, String> config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String substitute(Path template, String key, String value, Map<String, String> variables) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String replacement = variables.get(matcher.group(1));
            if (replacement == null) {
                throw new IllegalArgumentException(template + ": " + key + " uses ${" + matcher.group(1)
                        + "}, which is not set");
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
