package io.ticklake.infra.runtime;

import io.ticklake.infra.process.LogTail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MinIO server binary, built from source by {@code infra/scripts/install-minio.sh} into the
 * cache directory. The script ships inside the infra jar so the fixture can run it from any module.
 */
public final class MinioInstaller {

    /** The script's exit code when Go is missing. */
    static final int NO_GO_EXIT_CODE = 3;

    private static final Logger LOG = LoggerFactory.getLogger(MinioInstaller.class);
    private static final String SCRIPT_RESOURCE = "/io/ticklake/infra/scripts/install-minio.sh";
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(30);

    private MinioInstaller() {
    }

    /** Where the binary is (or will be). */
    public static Path binary(Path cacheDir) {
        return cacheDir.resolve("bin").resolve("minio");
    }

    /** The binary, building it first when it is missing (minutes the first time; idempotent). */
    public static Path ensureInstalled(Path cacheDir) {
        Path binary = binary(cacheDir);
        if (Files.isExecutable(binary)) {
            return binary;
        }
        LOG.info("MinIO is not built yet; building it into {} (this takes a few minutes the first time)", binary);
        Path log = cacheDir.resolve("minio-install.log");
        int exitCode = runInstallScript(cacheDir, log);
        if (exitCode == NO_GO_EXIT_CODE) {
            throw new IllegalStateException("MinIO is not installed and Go is missing: MinIO is built from source with "
                    + "'go install github.com/minio/minio@latest'. Install Go, or put a minio binary at " + binary
                    + ".\n" + LogTail.format(log, 5));
        }
        if (exitCode != 0 || !Files.isExecutable(binary)) {
            throw new IllegalStateException("building MinIO failed (exit code " + exitCode + "); see " + log
                    + ":\n" + LogTail.format(log, 20));
        }
        return binary;
    }

    private static int runInstallScript(Path cacheDir, Path log) {
        try {
            Files.createDirectories(cacheDir);
            Path script = cacheDir.resolve("install-minio.sh");
            Files.write(script, BuildResources.readBytes(SCRIPT_RESOURCE));
            ProcessBuilder builder = new ProcessBuilder("bash", script.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true);
            builder.environment().put("TICKLAKE_CACHE", cacheDir.toAbsolutePath().toString());
            Process process = builder.start();
            if (!process.waitFor(BUILD_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("building MinIO took longer than " + BUILD_TIMEOUT + "; see " + log);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the MinIO install script", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building MinIO", e);
        }
    }
}
