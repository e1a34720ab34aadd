package io.ticklake.infra.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the command line of a service JVM: the launcher's own Java, a bounded heap, a main class. */
public final class JavaCommand {

    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> launch = new ArrayList<>();
    private final List<String> arguments = new ArrayList<>();

    /** The {@code java} of the JVM running the launcher, so services run on the same, known Java. */
    public static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * A bounded heap. The initial heap stays small so an idle service does not hold memory it
     * never used.
     */
    public JavaCommand heap(String maxHeap) {
        jvmOptions.add("-Xms64m");
        jvmOptions.add("-Xmx" + maxHeap);
        jvmOptions.add("-XX:+ExitOnOutOfMemoryError");
        return this;
    }

    public JavaCommand option(String option) {
        jvmOptions.add(option);
        return this;
    }

    public JavaCommand systemProperty(String key, String value) {
        jvmOptions.add("-D" + key + "=" + value);
        return this;
    }

    public JavaCommand mainClass(String classpath, String mainClass) {
        launch.clear();
        launch.add("-cp");
        launch.add(classpath);
        launch.add(mainClass);
        return this;
    }

    /**
     * Runs with {@code classpath}; the main class and its arguments come from {@code argumentFile}, which
     * the {@code java} launcher expands ({@code @file}): for arguments that must not show in the process list.
     */
    public JavaCommand mainClassFromFile(String classpath, Path argumentFile) {
        launch.clear();
        launch.add("-cp");
        launch.add(classpath);
        launch.add("@" + argumentFile);
        return this;
    }

    public JavaCommand jar(Path jar) {
        launch.clear();
        launch.add("-jar");
        launch.add(jar.toString());
        return this;
    }

    public JavaCommand arguments(String... values) {
        arguments.addAll(List.of(values));
        return this;
    }

    public List<String> toList() {
        if (launch.isEmpty()) {
            throw new IllegalStateException("no main class or jar to run");
        }
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.add("-Djava.awt.headless=true");
        command.addAll(jvmOptions);
        command.addAll(launch);
        command.addAll(arguments);
        return command;
    }
}
