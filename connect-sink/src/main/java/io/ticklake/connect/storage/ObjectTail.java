package io.ticklake.connect.storage;

/**
 * The last bytes of a stored object, enough to read a Parquet footer without fetching the file.
 *
 * @param length the object's total length
 * @param bytes  its last {@code bytes.length} bytes
 */
public record ObjectTail(long length, byte[] bytes) {
}
