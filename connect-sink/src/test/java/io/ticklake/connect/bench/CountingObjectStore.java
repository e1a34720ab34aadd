package io.ticklake.connect.bench;

import io.ticklake.connect.storage.FileBytes;
import io.ticklake.connect.storage.ObjectStore;
import io.ticklake.connect.storage.ObjectTail;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** A store that only counts what it is given: for simulations where the bytes do not matter. */
final class CountingObjectStore implements ObjectStore {

    final AtomicLong files = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();

    @Override
    public boolean putIfAbsent(String key, FileBytes content) {
        files.incrementAndGet();
        bytes.addAndGet(content.size());
        return true;
    }

    @Override
    public Optional<ObjectTail> tail(String key, int maxBytes) {
        return Optional.empty();
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
        return "counting";
    }

    @Override
    public void close() {
    }
}
