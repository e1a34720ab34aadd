package io.ticklake.spark.storage;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;

/**
 * File operations on the lake with the guarantees the jobs rely on. The one that matters: an object
 * appears whole or not at all. On the local file system that is a write to a hidden temporary sibling and
 * an atomic rename; on S3 it is a single PUT (S3A uploads when the stream closes), so no rename is needed.
 */
public final class LakeFiles {

    private final Configuration conf;

    public LakeFiles(Configuration conf) {
        this.conf = conf;
    }

    public static boolean isLocal(String uri) {
        String scheme = URI.create(uri).getScheme();
        return scheme == null || scheme.toLowerCase(Locale.ROOT).equals("file");
    }

    /** The local path of a {@code file:} URI. */
    public static Path localPath(String uri) {
        URI parsed = URI.create(uri);
        return parsed.getScheme() == null ? Path.of(uri) : Path.of(URI.create("file://" + parsed.getPath()));
    }

    /**
     * Opens a Parquet file to read; local files through java.nio: Hadoop's checksummed local file system
     * costs more than reading a small file's footer. The read options come from {@code conf}: the defaults
     * would load a fresh Hadoop Configuration (parsing its XML resources) per file, which cost more than
     * reading the footer.
     */
    public static ParquetFileReader openParquet(String uri, Configuration conf) throws IOException {
        InputFile input = isLocal(uri) ? new LocalInputFile(localPath(uri))
                : HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(uri), conf);
        return ParquetFileReader.open(input, HadoopReadOptions.builder(conf).build());
    }

    public FileSystem fileSystem(String uri) throws IOException {
        return new org.apache.hadoop.fs.Path(uri).getFileSystem(conf);
    }

    /** The plain files directly inside a directory; empty when it does not exist. */
    public List<FileStatus> listFiles(String dirUri) throws IOException {
        return list(dirUri, false);
    }

    /** The sub-directories directly inside a directory; empty when it does not exist. */
    public List<FileStatus> listDirectories(String dirUri) throws IOException {
        return list(dirUri, true);
    }

    private List<FileStatus> list(String dirUri, boolean directories) throws IOException {
        FileSystem fs = fileSystem(dirUri);
        FileStatus[] statuses;
        try {
            statuses = fs.listStatus(new org.apache.hadoop.fs.Path(dirUri));
        } catch (FileNotFoundException e) {
            return List.of();
        }
        List<FileStatus> result = new ArrayList<>();
        for (FileStatus status : statuses) {
            if (status.isDirectory() == directories) {
                result.add(status);
            }
        }
        return result;
    }

    /** The bytes of an object, or null when it does not exist. */
    public byte[] readIfExists(String uri) throws IOException {
        FileSystem fs = fileSystem(uri);
        try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(uri))) {
            return in.readAllBytes();
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    /** An opener for {@code ManifestReader} backed by Hadoop's file systems. */
    public InputStream open(URI uri) throws IOException {
        return fileSystem(uri.toString()).open(new org.apache.hadoop.fs.Path(uri));
    }

    /** Writes an object so that readers see the previous one or this one, never a part. */
    public void writeAtomically(String uri, byte[] content) throws IOException {
        stage(uri, content).publish();
    }

    /**
     * Prepares an atomic write: locally the content is already on disk under a hidden name and
     * {@link Staged#publish()} renames it; on S3 {@code publish()} is the single PUT.
     */
    public Staged stage(String uri, byte[] content) throws IOException {
        if (isLocal(uri)) {
            Path target = localPath(uri);
            Files.createDirectories(target.getParent());
            Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            Files.write(temp, content);
            return new Staged(() -> Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING), () -> Files.deleteIfExists(temp));
        }
        FileSystem fs = fileSystem(uri);
        return new Staged(() -> {
            try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(uri), true)) {
                out.write(content);
            }
        }, () -> { });
    }

    /** Deletes a file or a directory tree; absent is fine. */
    public void deleteRecursively(String uri) throws IOException {
        fileSystem(uri).delete(new org.apache.hadoop.fs.Path(uri), true);
    }

    /** One prepared atomic write. */
    public static final class Staged {

        /** An I/O step. */
        @FunctionalInterface
        interface IoAction {
            void run() throws IOException;
        }

        private final IoAction publish;
        private final IoAction discard;

        Staged(IoAction publish, IoAction discard) {
            this.publish = publish;
            this.discard = discard;
        }

        /** Makes the content visible in one step. */
        public void publish() throws IOException {
            publish.run();
        }

        /** Drops a staged write that will not be published. */
        public void discard() {
            try {
                discard.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
