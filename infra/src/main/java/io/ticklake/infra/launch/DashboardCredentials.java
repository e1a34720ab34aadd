package io.ticklake.infra.launch;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The dashboard's passwords, API tokens and cluster secret: made once in a file only its owner can
 * read, and handed to the dashboard through its environment (never its arguments or a log).
 */
final class DashboardCredentials {

    static final List<String> VARIABLES = List.of("TICKLAKE_SECURITY_VIEWER_PASSWORD",
            "TICKLAKE_SECURITY_ADMIN_PASSWORD", "TICKLAKE_SECURITY_VIEWER_TOKEN", "TICKLAKE_SECURITY_ADMIN_TOKEN",
            "TICKLAKE_CLUSTER_SECRET");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;

    DashboardCredentials(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** True when this call made the file (so the caller says once where the credentials are). */
    boolean ensure() {
        try {
            if (Files.exists(file) && Files.size(file) > 0) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                return false;
            }
            Files.createDirectories(file.getParent());
            StringBuilder content = new StringBuilder(
                    "# dashboard-api credentials, made by ./ticklake run; delete this file to make new ones\n");
            for (String variable : VARIABLES) {
                content.append(variable).append('=').append(secret()).append('\n');
            }
            Path staged = Files.createTempFile(file.getParent(), ".credentials", ".env",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(staged, content);
            Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The file's {@code NAME=value} lines (a properties file: comments and blank lines skipped). */
    Map<String, String> environment() {
        Properties lines = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            lines.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        lines.stringPropertyNames().forEach(name -> values.put(name, lines.getProperty(name).trim()));
        return values;
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
