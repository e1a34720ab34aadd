package io.ticklake.infra.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the files the infra build wrote next to these classes (resolved runtimes, scripts). */
final class BuildResources {

    private BuildResources() {
    }

    static String read(String name) {
        try (InputStream in = BuildResources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the infra jar has no " + name
                        + "; it is written by the infra build: run ./mvnw -q -pl infra install");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the infra jar", e);
        }
    }

    static byte[] readBytes(String absoluteName) {
        try (InputStream in = BuildResources.class.getResourceAsStream(absoluteName)) {
            if (in == null) {
                throw new IllegalStateException("the infra jar has no " + absoluteName + "; rebuild it: ./mvnw -q -pl infra install");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + absoluteName + " from the infra jar", e);
        }
    }
}
