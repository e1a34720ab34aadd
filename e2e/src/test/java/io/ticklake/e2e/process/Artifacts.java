package io.ticklake.e2e.process;

import io.ticklake.infra.RepoLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged outputs of the sibling modules that the end-to-end tests run as processes, found in
 * the checkout ({@code ticklake.repo}, set by the e2e pom, else the nearest checkout above the
 * working directory). They exist after {@code ./mvnw install -DskipTests} at the root, or in a
 * reactor build, where those modules are packaged before this one.
 */
public final class Artifacts {

    private final Path repo;

    private Artifacts(Path repo) {
        this.repo = repo;
    }

    /** The checkout's artifacts; fails naming every missing one and the command that builds them. */
    public static Artifacts locate() {
        String configured = System.getProperty("ticklake.repo");
        Path repo = configured != null ? Path.of(configured).toAbsolutePath().normalize()
                : RepoLocator.find(Path.of("")).orElseThrow(() -> new IllegalStateException(
                        "cannot find the TickLake checkout above " + Path.of("").toAbsolutePath()
                                + "; set -Dticklake.repo"));
        Artifacts artifacts = new Artifacts(repo);
        artifacts.checkBuilt();
        return artifacts;
    }

    public Path repo() {
        return repo;
    }

    /** The runnable dashboard-api (hosts the streams topology). */
    public Path dashboardJar() {
        return repo.resolve("dashboard-api/target/dashboard-api.jar");
    }

    /** The Connect plugin directory the platform's worker loads (its parent is on plugin.path). */
    public Path connectPluginDir() {
        return repo.resolve("connect-sink/target/plugin");
    }

    /** The sink connector's configuration as shipped, with ${VARIABLE} placeholders. */
    public Path connectorConfigTemplate() {
        return repo.resolve("connect-sink/config/stock-ticks-sink.json");
    }

    /** The Spark jobs' local launcher. */
    public Path sparkJobScript() {
        return repo.resolve("spark-jobs/bin/spark-job");
    }

    /** The analytics runner. */
    public Path analyticsJar() {
        return repo.resolve("analytics/target/analytics.jar");
    }

    private void checkBuilt() {
        List<String> missing = new ArrayList<>();
        for (Path path : List.of(dashboardJar(), connectorConfigTemplate(), sparkJobScript(), analyticsJar(),
                repo.resolve("spark-jobs/target/launcher.classpath"))) {
            if (!Files.isRegularFile(path)) {
                missing.add(repo.relativize(path).toString());
            }
        }
        if (!Files.isDirectory(connectPluginDir().resolve("ticklake-connect-sink"))) {
            missing.add(repo.relativize(connectPluginDir()).toString() + "/ticklake-connect-sink");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the end-to-end tests run the packaged modules, but " + missing
                    + " do not exist in " + repo + ": run ./mvnw install -DskipTests at the root first");
        }
    }
}
