package io.ticklake.connect.format;

import io.ticklake.connect.storage.ObjectStore;
import io.ticklake.connect.storage.ObjectTail;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.KeyValue;
import org.apache.parquet.format.Util;

/**
 * Reads the key-value metadata of a stored Parquet file from its tail: the last 8 bytes give the
 * footer length, the footer holds the metadata. One ranged read on S3 for our small footers.
 */
public final class FooterMetadata {

    private static final int FIRST_READ = 64 * 1024;
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private FooterMetadata() {
    }

    /** The file's key-value metadata, or empty if there is no such object. */
    public static Optional<Map<String, String>> read(ObjectStore store, String key) {
        Optional<ObjectTail> tail = store.tail(key, FIRST_READ);
        if (tail.isEmpty()) {
            return Optional.empty();
        }
        ObjectTail data = tail.get();
        int footerLength = footerLength(key, data);
        if (footerLength + 8 > data.bytes().length) {
            data = store.tail(key, footerLength + 8).orElseThrow(() -> new IllegalStateException(key + " vanished"));
        }
        byte[] bytes = data.bytes();
        int start = bytes.length - 8 - footerLength;
        try {
            FileMetaData metadata = Util.readFileMetaData(new ByteArrayInputStream(bytes, start, footerLength));
            Map<String, String> result = new HashMap<>();
            if (metadata.getKey_value_metadata() != null) {
                for (KeyValue kv : metadata.getKey_value_metadata()) {
                    result.put(kv.getKey(), kv.getValue());
                }
            }
            return Optional.of(result);
        } catch (IOException e) {
            throw new IllegalStateException(key + " has a corrupt Parquet footer: " + e.getMessage(), e);
        }
    }

    private static int footerLength(String key, ObjectTail tail) {
        byte[] bytes = tail.bytes();
        int n = bytes.length;
        if (n < 8 || bytes[n - 4] != MAGIC[0] || bytes[n - 3] != MAGIC[1] || bytes[n - 2] != MAGIC[2]
                || bytes[n - 1] != MAGIC[3]) {
            throw new IllegalStateException(key + " is not a Parquet file (" + tail.length() + " bytes, no PAR1 tail)");
        }
        int length = (bytes[n - 8] & 0xff) | (bytes[n - 7] & 0xff) << 8 | (bytes[n - 6] & 0xff) << 16
                | (bytes[n - 5] & 0xff) << 24;
        if (length <= 0 || length + 8L > tail.length()) {
            throw new IllegalStateException(key + " has an impossible footer length " + length);
        }
        return length;
    }
}
