package io.ticklake.schemas.serde;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A Kafka client properties file (Java properties: {@code security.protocol}, {@code sasl.jaas.config},
 * {@code basic.auth.user.info} ...), the way every TickLake command takes secrets off its command line.
 */
public final class ClientPropertiesFile {

    private ClientPropertiesFile() {
    }

    /** The file's keys and trimmed values. */
    public static Map<String, String> load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IllegalArgumentException malformed) {
            throw new IOException("malformed properties in " + file + ": " + malformed.getMessage(), malformed);
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key).trim()));
        return Map.copyOf(values);
    }
}
