package io.ticklake.spark.compaction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The identity of an hour's raw input: SHA-256 over the sorted file names and sizes. Raw files are
 * immutable and new data arrives as new files, so equal fingerprints mean equal input.
 */
public final class SourceFingerprint {

    private SourceFingerprint() {
    }

    /** @param sizesByName file name (not path) to size in bytes */
    public static String of(Map<String, Long> sizesByName) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Map.Entry<String, Long> file : new TreeMap<>(sizesByName).entrySet()) {
            digest.update((file.getKey() + "\t" + file.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }
}
