package io.ticklake.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the TickLake checkout from a directory inside it (a module's directory during its tests). */
public final class RepoLocator {

    private RepoLocator() {
    }

    /** The nearest directory at or above {@code start} holding the root pom and the infra module. */
    public static Optional<Path> find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("infra").resolve("pom.xml"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
