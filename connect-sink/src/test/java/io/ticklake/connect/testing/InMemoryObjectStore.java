package io.ticklake.connect.testing;

import io.ticklake.connect.storage.FileBytes;
import io.ticklake.connect.storage.ObjectStore;
import io.ticklake.connect.storage.ObjectTail;
import io.ticklake.connect.storage.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * An in-process store for unit tests: objects in a sorted map, create-only like the real stores,
 * every put logged, and failures on demand (an outage, or the next n puts failing).
 */
public final class InMemoryObjectStore implements ObjectStore {

    private final Map<String, byte[]> objects = new TreeMap<>();
    private final List<String> putLog = new ArrayList<>();
    private final List<String> takenLog = new ArrayList<>();
    private boolean unavailable;
    private int failingPuts;
    private int tails;

    @Override
    public synchronized boolean putIfAbsent(String key, FileBytes content) {
        if (unavailable || failingPuts > 0) {
            if (failingPuts > 0) {
                failingPuts--;
            }
            throw new StoreException("injected outage while writing " + key, true, null);
        }
        if (objects.containsKey(key)) {
            takenLog.add(key);
            return false;
        }
        objects.put(key, content.toByteArray());
        putLog.add(key);
        return true;
    }

    @Override
    public synchronized Optional<ObjectTail> tail(String key, int maxBytes) {
        if (unavailable) {
            throw new StoreException("injected outage while reading " + key, true, null);
        }
        tails++;
        byte[] bytes = objects.get(key);
        if (bytes == null) {
            return Optional.empty();
        }
        int n = Math.min(maxBytes, bytes.length);
        return Optional.of(new ObjectTail(bytes.length, Arrays.copyOfRange(bytes, bytes.length - n, bytes.length)));
    }

    @Override
    public int abortIncompleteUploads(String keyPrefix, Predicate<String> fileName) {
        return 0;
    }

    @Override
    public void probe() {
    }

    @Override
    public String describe() {
        return "memory";
    }

    @Override
    public void close() {
    }

    /** Every operation fails (retriably) until called with false. */
    public synchronized void setUnavailable(boolean value) {
        unavailable = value;
    }

    /** The next {@code n} puts fail retriably. */
    public synchronized void failNextPuts(int n) {
        failingPuts = n;
    }

    public synchronized Map<String, byte[]> objects() {
        return new TreeMap<>(objects);
    }

    public synchronized List<String> keys() {
        return new ArrayList<>(objects.keySet());
    }

    /** Every put that stored its object, in order. */
    public synchronized List<String> putLog() {
        return new ArrayList<>(putLog);
    }

    /** Every put that found its key taken (and stored nothing), in order. */
    public synchronized List<String> takenLog() {
        return new ArrayList<>(takenLog);
    }

    public synchronized int tailReads() {
        return tails;
    }

    /** Writes the objects under {@code dir} by key, for reading them back with DuckDB. */
    public synchronized Path dumpTo(Path dir) {
        try {
            for (Map.Entry<String, byte[]> entry : objects.entrySet()) {
                Path file = dir.resolve(entry.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, entry.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
