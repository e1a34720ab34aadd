package io.ticklake.infra.runtime;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The classpath of the Kafka broker, its tools and the Connect worker: the jars Maven resolved for
 * infra's {@code provided} dependencies, recorded at build time by maven-dependency-plugin.
 */
public final class KafkaRuntime {

    private static final List<String> CLASSPATH_RESOURCES =
            List.of("kafka-runtime-provided.classpath", "kafka-runtime-shared.classpath");

    private static volatile String classpath;

    private KafkaRuntime() {
    }

    /** The runtime classpath, checked to exist on this machine. */
    public static String classpath() {
        String cached = classpath;
        if (cached == null) {
            cached = load();
            classpath = cached;
        }
        return cached;
    }

    private static String load() {
        Set<String> entries = new LinkedHashSet<>();
        for (String resource : CLASSPATH_RESOURCES) {
            for (String entry : BuildResources.read(resource).split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(entry.trim());
                }
            }
        }
        for (String entry : entries) {
            if (!Files.isRegularFile(Path.of(entry))) {
                throw new IllegalStateException("the Kafka runtime jar " + entry
                        + " is missing (was the local Maven repository cleaned?); run ./mvnw -q -pl infra install");
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
