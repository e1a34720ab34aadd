package io.ticklake.connect.storage;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where finished files go: S3/MinIO or a local directory, addressed by keys relative to the lake
 * root ({@code raw/stock_ticks/year=.../x.parquet}). Failures are {@link StoreException}s that say
 * whether waiting may help.
 */
public interface ObjectStore extends AutoCloseable {

    /**
     * Stores {@code content} under {@code key} unless an object is there already. Returns true if it
     * stored it, false if the key was taken: that object is left as it is, whoever wrote it. The
     * check and the write are one atomic step (S3: a PUT or multipart completion with
     * {@code If-None-Match: *}; local: a hard link to a staged file), and readers see no object or
     * the whole one, never a part.
     */
    boolean putIfAbsent(String key, FileBytes content);

    /** The object's last {@code maxBytes} bytes (fewer if it is shorter), or empty if there is no such object. */
    Optional<ObjectTail> tail(String key, int maxBytes);

    /**
     * Cleans up after writers that died mid-upload: aborts incomplete multipart uploads (S3) or deletes
     * staged temporary files (local) whose file name satisfies {@code fileName}. Returns how many.
     */
    int abortIncompleteUploads(String keyPrefix, Predicate<String> fileName);

    /**
     * Checks that the store is usable (bucket or directory exists); throws a non-retriable
     * {@link StoreException} if it definitely is not, a retriable one if it cannot tell now.
     */
    void probe();

    /** Where the store writes, without credentials, for logs. */
    String describe();

    @Override
    void close();
}
