package io.ticklake.analytics.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs {@code bin/install-httpfs} (idempotent), as a user would before using an s3:// lake offline. */
public final class HttpfsInstall {

    private HttpfsInstall() {
    }

    /** Installs the extension into the default cache if it is not there yet; returns the extension directory. */
    public static synchronized Path ensure() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "bin/install-httpfs").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("bin/install-httpfs failed:\n" + output);
        }
        String[] lines = output.strip().split("\\R");
        // .../extensions/v1.4.4/linux_amd64/httpfs.duckdb_extension -> .../extensions
        return Path.of(lines[lines.length - 1]).getParent().getParent().getParent();
    }
}
