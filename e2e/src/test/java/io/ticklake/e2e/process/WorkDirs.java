package io.ticklake.e2e.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A test's working directory (lake, logs, platform home), kept for a look with -Dticklake.keepWorkDir=true. */
public final class WorkDirs {

    private WorkDirs() {
    }

    /** Deletes {@code dir} and everything in it, unless it is null or kept. */
    public static void deleteUnlessKept(Path dir) throws IOException {
        if (dir == null || Boolean.getBoolean("ticklake.keepWorkDir")) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
