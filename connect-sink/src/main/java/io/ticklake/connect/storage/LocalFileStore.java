package io.ticklake.connect.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The lake on a local (or mounted) filesystem. A file is written under {@code <root>/_staging/},
 * forced to disk, then hard-linked into place, so a reader or a crash never sees half a file and an
 * existing file is never replaced (creating a link fails if the name is taken, atomically; a rename
 * would replace it).
 * Staging sits under the lake root so the link stays on one filesystem; readers of
 * {@code raw/<table>} never look there, and Spark skips {@code _}-prefixed directories anyway.
 */
public final class LocalFileStore implements ObjectStore {

    static final String STAGING_DIR = "_staging";
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path root;
    private final Path staging;

    public LocalFileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.staging = this.root.resolve(STAGING_DIR);
    }

    @Override
    public boolean putIfAbsent(String key, FileBytes content) {
        Path target = resolve(key);
        Path temp = staging.resolve(target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
        try {
            Files.createDirectories(staging);
            Files.createDirectories(target.getParent());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 InputStream in = content.newInputStream()) {
                in.transferTo(Channels.newOutputStream(channel));
                channel.force(true);
            }
            return publish(temp, target);
        } catch (IOException e) {
            // a full or read-only disk may be fixed by an operator: keep retrying rather than die
            throw new StoreException("cannot write " + target + ": " + e, true, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Gives the staged file its name unless the name is taken. A filesystem without hard links gets
     * a move without replacement instead: it still refuses an existing file, but the check and the
     * rename are two steps there.
     */
    private static boolean publish(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException e) {
            try {
                Files.move(temp, target);
                return true;
            } catch (FileAlreadyExistsException taken) {
                return false;
            }
        }
    }

    @Override
    public Optional<ObjectTail> tail(String key, int maxBytes) {
        Path file = resolve(key);
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int n = (int) Math.min(length, maxBytes);
            byte[] bytes = new byte[n];
            in.seek(length - n);
            in.readFully(bytes);
            return Optional.of(new ObjectTail(length, bytes));
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e, true, e);
        }
    }

    @Override
    public int abortIncompleteUploads(String keyPrefix, Predicate<String> fileName) {
        if (!Files.isDirectory(staging)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(staging, "*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                String name = temp.getFileName().toString();
                // <file name>.<uuid>.tmp
                String withoutSuffix = name.substring(0, name.length() - TEMP_SUFFIX.length());
                int dot = withoutSuffix.lastIndexOf('.');
                if (dot > 0 && fileName.test(withoutSuffix.substring(0, dot))) {
                    deleteQuietly(temp);
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot list " + staging + ": " + e, true, e);
        }
        return deleted;
    }

    @Override
    public void probe() {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new StoreException("cannot create the lake directory " + root + ": " + e, false, e);
        }
        if (!Files.isWritable(root)) {
            throw new StoreException("the lake directory " + root + " is not writable", false, null);
        }
    }

    @Override
    public String describe() {
        return "file://" + root;
    }

    @Override
    public void close() {
        // nothing held open between calls
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("key " + key + " leaves the lake root " + root);
        }
        return path;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // best effort: a leftover temp file is cleaned up on the next assignment
        }
    }
}
