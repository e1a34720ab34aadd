package io.ticklake.streams.ingest;

import io.ticklake.schemas.contract.DlqHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Cuts a DLQ record's value so that the whole record fits {@code maxRecordBytes}, the limit the broker
 * (topic {@code max.message.bytes}) and the producer ({@code max.request.size}) put on one record. A
 * record over that limit cannot be produced, and under exactly-once a failed send aborts the
 * transaction, so the task would replay the same input forever; cutting it before it is forwarded keeps
 * it in the transaction like any other DLQ record. A cut record keeps its key and headers and gets
 * {@link DlqHeaders#TRUNCATED}, {@link DlqHeaders#ORIGINAL_SIZE} and {@link DlqHeaders#ORIGINAL_SHA256},
 * so the original can be identified (and matched against the source topic) later.
 */
public final class DlqTruncation {

    /**
     * Upper bound of what a record adds to its key, value and header bytes in a batch of its own:
     * batch header (61) plus the record's varint lengths, attributes and deltas (at most 21), rounded up.
     */
    static final int RECORD_OVERHEAD = 96;
    /** Upper bound of one header's varint lengths. */
    private static final int HEADER_OVERHEAD = 10;

    private DlqTruncation() {
    }

    /** Upper bound of the record's size on the wire (uncompressed, in a batch of its own). */
    public static int sizeUpperBound(byte[] key, byte[] value, Headers headers) {
        long size = RECORD_OVERHEAD + length(key) + length(value);
        for (Header header : headers) {
            size += HEADER_OVERHEAD + header.key().getBytes(StandardCharsets.UTF_8).length + length(header.value());
        }
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    /**
     * The value to forward: {@code value} itself when the record fits {@code maxRecordBytes}, otherwise
     * its longest prefix that fits once the truncation headers are added to {@code headers} (which
     * this method then does). Empty when not even the key and headers leave room for a byte.
     */
    public static byte[] fit(byte[] key, byte[] value, Headers headers, int maxRecordBytes) {
        if (value == null || sizeUpperBound(key, value, headers) <= maxRecordBytes) {
            return value;
        }
        headers.add(DlqHeaders.TRUNCATED, bytes("true"));
        headers.add(DlqHeaders.ORIGINAL_SIZE, bytes(Integer.toString(value.length)));
        headers.add(DlqHeaders.ORIGINAL_SHA256, bytes(sha256Hex(value)));
        int room = maxRecordBytes - sizeUpperBound(key, new byte[0], headers);
        return Arrays.copyOf(value, Math.max(0, Math.min(room, value.length)));
    }

    /** SHA-256 of {@code data}, lowercase hex. */
    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
