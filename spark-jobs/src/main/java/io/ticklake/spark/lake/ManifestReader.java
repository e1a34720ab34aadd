package io.ticklake.spark.lake;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Lists the current files of a compacted hour from its published {@code _manifest.json}. Plain Java and
 * Jackson, so analytics and tests can resolve an hour without Spark or Hadoop: a local lake is read
 * directly; for an object store the caller passes how to open one object (any S3 client).
 *
 * <p>A reader resolves the manifest once and then reads exactly the listed files: a compaction publishing
 * meanwhile never makes it see a mix, and old files stay for a grace period so its reads complete.
 */
public final class ManifestReader {

    /** Opens one object of the lake by URI; throws {@link FileNotFoundException} when it does not exist. */
    @FunctionalInterface
    public interface Opener {
        InputStream open(URI uri) throws IOException;
    }

    private final LakeLayout layout;
    private final Opener opener;

    private ManifestReader(LakeLayout layout, Opener opener) {
        this.layout = layout;
        this.opener = opener;
    }

    /** A reader for a lake on the local file system ({@code file:///…}). */
    public static ManifestReader local(String lake) {
        LakeLayout layout = LakeLayout.of(lake);
        if (!"file".equals(URI.create(layout.root()).getScheme())) {
            throw new IllegalArgumentException("ManifestReader.local needs a file:/// lake, not " + lake
                    + "; use ManifestReader.of(lake, opener) for object stores");
        }
        return new ManifestReader(layout, uri -> {
            try {
                return Files.newInputStream(Path.of(uri));
            } catch (NoSuchFileException e) {
                throw new FileNotFoundException(uri.toString());
            }
        });
    }

    /** A reader for any lake, opening objects with {@code opener}. */
    public static ManifestReader of(String lake, Opener opener) {
        return new ManifestReader(LakeLayout.of(lake), opener);
    }

    /** The published manifest of the hour, or empty when the hour has not been compacted. */
    public Optional<Manifest> manifest(HourPartition hour) throws IOException {
        URI uri = URI.create(layout.manifest(hour));
        try (InputStream in = opener.open(uri)) {
            Manifest manifest = ManifestJson.parse(in, uri.toString());
            if (!manifest.hourStart().equals(hour.start())) {
                throw new InvalidManifestException(uri + " describes hour " + manifest.hourStart() + ", not " + hour);
            }
            return Optional.of(manifest);
        } catch (FileNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The absolute URIs of the hour's current data files; empty when the hour has not been compacted. */
    public List<URI> currentFiles(HourPartition hour) throws IOException {
        return manifest(hour).map(m -> resolve(hour, m)).orElse(List.of());
    }

    /** The absolute URIs of the files a manifest lists. */
    public List<URI> resolve(HourPartition hour, Manifest manifest) {
        String dir = layout.compactedHour(hour) + "/";
        return manifest.files().stream().map(f -> URI.create(dir + f.path())).toList();
    }

    public LakeLayout layout() {
        return layout;
    }
}
