package io.ticklake.infra.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The log4j2 configuration of the Kafka and Connect JVMs: everything to stdout, which the launcher
 * appends to the service's log file. A properties file, because Kafka's own YAML config needs a
 * YAML parser on the classpath.
 */
final class Log4jConfig {

    private static final String CONTENT = """
            # written by the ticklake platform launcher on every start
            status = warn
            appender.out.type = Console
            appender.out.name = OUT
            appender.out.layout.type = PatternLayout
            appender.out.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = INFO
            rootLogger.appenderRefs = out
            rootLogger.appenderRef.out.ref = OUT
            # per-request logs would drown the useful lines
            logger.request.name = kafka.request.logger
            logger.request.level = WARN
            logger.reflections.name = org.reflections
            logger.reflections.level = ERROR
            """;

    private Log4jConfig() {
    }

    static Path write(Path directory) {
        Path file = directory.resolve("log4j2.properties");
        try {
            Files.createDirectories(directory);
            Files.writeString(file, CONTENT);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
