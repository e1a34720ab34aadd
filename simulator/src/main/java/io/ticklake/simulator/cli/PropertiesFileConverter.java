package io.ticklake.simulator.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;

/**
 * Reads a Java properties file (Kafka's client config format) when the command line is parsed, so an
 * unreadable file is a usage error naming the option, before any connection.
 */
public final class PropertiesFileConverter implements CommandLine.ITypeConverter<PropertiesFileConverter.PropertiesFile> {

    /** A file's properties (a record, not a map, so picocli does not read the option as KEY=VALUE pairs). */
    public record PropertiesFile(Map<String, String> values) {
    }

    @Override
    public PropertiesFile convert(String value) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(value), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("cannot read the properties file " + value + ": " + e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key).trim()));
        return new PropertiesFile(Map.copyOf(map));
    }
}
