package io.ticklake.infra.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Apicurio Registry's {@code zip:all} distribution, resolved by Maven at build time and unpacked
 * once into the cache directory, shared by every data directory and test run.
 */
public final class ApicurioDistribution {

    private static final Pattern ZIP_NAME = Pattern.compile("apicurio-registry-app-(.+)-all\\.zip");

    private final Path zip;
    private final String version;

    private ApicurioDistribution(Path zip, String version) {
        this.zip = zip;
        this.version = version;
    }

    /** The distribution this infra build was made with. */
    public static ApicurioDistribution resolved() {
        Path zip = Path.of(BuildResources.read("apicurio-distribution.path"));
        Matcher name = ZIP_NAME.matcher(zip.getFileName().toString());
        if (!name.matches()) {
            throw new IllegalStateException("unexpected Apicurio distribution file name: " + zip);
        }
        return new ApicurioDistribution(zip, name.group(1));
    }

    public String version() {
        return version;
    }

    /** The runner jar in {@code <cache>/apicurio-<version>/}, unpacking the zip the first time. */
    public Path runnerJar(Path cacheDir) {
        Path home = cacheDir.resolve("apicurio-" + version);
        Path runner = home.resolve("apicurio-registry-app-" + version + "-runner.jar");
        if (Files.isRegularFile(runner)) {
            return runner;
        }
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("the Apicurio Registry distribution " + zip
                    + " is missing (was the local Maven repository cleaned?); run ./mvnw -q -pl infra install");
        }
        unpackInto(home);
        if (!Files.isRegularFile(runner)) {
            throw new IllegalStateException(zip + " has no " + runner.getFileName());
        }
        return runner;
    }

    /** Unpacks beside the target and renames, so a half-unpacked copy is never used. */
    private void unpackInto(Path home) {
        Path staging = null;
        try {
            Files.createDirectories(home.getParent());
            staging = Files.createTempDirectory(home.getParent(), ".apicurio-unpack-");
            try (ZipFile archive = new ZipFile(zip.toFile())) {
                Enumeration<? extends ZipEntry> entries = archive.entries();
                while (entries.hasMoreElements()) {
                    extract(archive, entries.nextElement(), staging);
                }
            }
            try {
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
                staging = null;
            } catch (IOException e) {
                if (!Files.isDirectory(home)) {
                    throw e;
                } // another JVM unpacked it first
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + " into " + home, e);
        } finally {
            deleteQuietly(staging);
        }
    }

    private static void extract(ZipFile archive, ZipEntry entry, Path target) throws IOException {
        Path destination = target.resolve(entry.getName()).normalize();
        if (!destination.startsWith(target)) {
            throw new IOException("zip entry outside the target directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(destination);
            return;
        }
        Files.createDirectories(destination.getParent());
        try (InputStream in = archive.getInputStream(entry)) {
            Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover staging directory is harmless
        }
    }
}
