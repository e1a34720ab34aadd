package io.ticklake.simulator.cli;

import io.ticklake.schemas.serde.ClientPropertiesFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
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
        try {
            return new PropertiesFile(ClientPropertiesFile.load(Path.of(value)));
        } catch (IOException e) {
            throw new CommandLine.TypeConversionException("cannot read the properties file " + value + ": " + e);
        }
    }
}
