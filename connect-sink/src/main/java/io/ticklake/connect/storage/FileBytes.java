package io.ticklake.connect.storage;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A finished file's bytes in memory, kept as fixed-size chunks so that growing it never copies
 * what was written and a multipart upload can cut parts without one big array.
 */
public final class FileBytes {

    private static final int CHUNK = 256 * 1024;

    private final List<byte[]> chunks = new ArrayList<>();
    private long size;

    /** Appends {@code length} bytes of {@code data} from {@code offset}. */
    public void write(byte[] data, int offset, int length) {
        int remaining = length;
        int from = offset;
        while (remaining > 0) {
            int used = (int) (size % CHUNK);
            if (used == 0) {
                chunks.add(new byte[CHUNK]);
            }
            int n = Math.min(remaining, CHUNK - used);
            System.arraycopy(data, from, chunks.get(chunks.size() - 1), used, n);
            from += n;
            remaining -= n;
            size += n;
        }
    }

    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    public long size() {
        return size;
    }

    /** A copy of {@code length} bytes starting at {@code offset}. */
    public byte[] slice(long offset, int length) {
        if (offset < 0 || length < 0 || offset + length > size) {
            throw new IndexOutOfBoundsException("slice " + offset + "+" + length + " of " + size + " bytes");
        }
        byte[] out = new byte[length];
        int copied = 0;
        while (copied < length) {
            long position = offset + copied;
            byte[] chunk = chunks.get((int) (position / CHUNK));
            int within = (int) (position % CHUNK);
            int n = Math.min(length - copied, CHUNK - within);
            System.arraycopy(chunk, within, out, copied, n);
            copied += n;
        }
        return out;
    }

    /** All bytes as one array (for single-request uploads of small files). */
    public byte[] toByteArray() {
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("file of " + size + " bytes is too large for one array");
        }
        return slice(0, (int) size);
    }

    /** A stream over the bytes without copying them. */
    public InputStream newInputStream() {
        List<InputStream> streams = new ArrayList<>(chunks.size());
        long left = size;
        for (byte[] chunk : chunks) {
            int n = (int) Math.min(left, CHUNK);
            streams.add(new ByteArrayInputStream(chunk, 0, n));
            left -= n;
        }
        return new SequenceInputStream(Collections.enumeration(streams));
    }
}
