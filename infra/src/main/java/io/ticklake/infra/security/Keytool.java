package io.ticklake.infra.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's {@code keytool}, run as a process. Passwords reach it through its {@code :env} options
 * ({@code -storepass:env NAME}), so they never appear on a command line.
 */
final class Keytool {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private final Path workDir;
    private final Map<String, String> passwords;

    /** @param passwords environment variables (name to password) the {@code :env} options refer to */
    Keytool(Path workDir, Map<String, String> passwords) {
        this.workDir = workDir;
        this.passwords = Map.copyOf(passwords);
    }

    void run(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(passwords);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + arguments[0] + " took longer than " + TIMEOUT);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed with exit code "
                        + process.exitValue() + ": " + new String(output, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
