package io.ticklake.infra.cli;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of the platform CLI: its exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {

    /** Runs the CLI inside the test JVM, with {@code environment} instead of the real one. */
    static CliRun inProcess(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PlatformCli.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs the CLI as its own JVM with the classpath infra/platform uses, so the services it
     * starts must outlive it, as they do for a user.
     */
    static CliRun separateJvm(Path outputDir, Map<String, String> environment, String... args) throws IOException, InterruptedException {
        Path moduleDir = Path.of("").toAbsolutePath();
        String classpath = moduleDir.resolve("target/classes") + File.pathSeparator
                + Files.readString(moduleDir.resolve("target/cli.classpath")).trim();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath, Main.class.getName()));
        command.addAll(List.of(args));
        Files.createDirectories(outputDir);
        Path out = Files.createTempFile(outputDir, "cli-", ".out");
        Path err = Files.createTempFile(outputDir, "cli-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> env = new HashMap<>(builder.environment());
        env.keySet().removeIf(key -> key.startsWith("TICKLAKE_") && !key.equals("TICKLAKE_CACHE"));
        env.putAll(environment);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the CLI did not finish within 5 minutes: " + command);
        }
        return new CliRun(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Override
    public String toString() {
        return "exit code " + exitCode + "\n--- out ---\n" + out + "\n--- err ---\n" + err;
    }
}
