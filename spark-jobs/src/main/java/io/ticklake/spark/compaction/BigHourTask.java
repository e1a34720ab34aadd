package io.ticklake.spark.compaction;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.DataFile;

/**
 * Compacts one big hour in one task, with a thread per symbol group. The threads first read the hour's
 * raw files between them, each file once, and put every row into the columns ({@link HourColumns}) of its
 * symbol's group; then each thread sorts and writes one group. The hour is read once: as a task per group,
 * each task decoded every file's symbols and skipped the other tasks' rows, a third more CPU in all.
 * The task holds the whole hour in memory, about 100 bytes per row.
 */
final class BigHourTask {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final List<String> uris;
    private final SymbolGroups symbolGroups;
    private final Configuration conf;
    private final HourColumns[] columns;

    /** @param expectedRows rows one group is expected to hold, its columns' first size */
    BigHourTask(List<String> uris, SymbolGroups symbolGroups, int groups, long hourStartMillis, int expectedRows,
                Configuration conf) {
        this.uris = List.copyOf(uris);
        this.symbolGroups = symbolGroups;
        this.conf = conf;
        this.columns = new HourColumns[groups];
        for (int g = 0; g < groups; g++) {
            columns[g] = new HourColumns(hourStartMillis, expectedRows);
        }
    }

    List<DataFile> run(CompactedPartitionWriter writer) throws IOException, InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(columns.length, runnable -> {
            Thread thread = new Thread(runnable, "compact-big-hour-" + THREADS.incrementAndGet());
            thread.setDaemon(true); // never keeps an executor alive
            return thread;
        });
        try {
            AtomicInteger nextFile = new AtomicInteger();
            List<Callable<List<DataFile>>> readers = new ArrayList<>();
            for (int g = 0; g < columns.length; g++) {
                readers.add(() -> {
                    read(nextFile);
                    return List.of();
                });
            }
            all(threads, readers);
            List<Callable<List<DataFile>>> writers = new ArrayList<>();
            for (int g = 0; g < columns.length; g++) {
                int group = g;
                writers.add(() -> {
                    HourColumns.Cursor sorted = columns[group].sorted();
                    List<DataFile> written = writer.writeSorted(sorted, group, 0);
                    columns[group] = null; // its memory is free for the groups still being written
                    return written;
                });
            }
            return all(threads, writers);
        } finally {
            threads.shutdownNow(); // a failed thread's peers stop at their next file
        }
    }

    /** Reads files until none is left, adding each row group's rows to their groups' columns. */
    private void read(AtomicInteger nextFile) throws IOException {
        RawColumnReader reader = new RawColumnReader(conf);
        for (int i = nextFile.getAndIncrement(); i < uris.size(); i = nextFile.getAndIncrement()) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            reader.read(uris.get(i), symbolGroups::of, rowGroup -> {
                for (int g = 0; g < columns.length; g++) {
                    synchronized (columns[g]) {
                        columns[g].add(rowGroup, g);
                    }
                }
            });
        }
    }

    /** Runs the calls on the threads and joins their results; the first failure is thrown as it was. */
    private static List<DataFile> all(ExecutorService threads, List<Callable<List<DataFile>>> calls)
            throws IOException, InterruptedException {
        CompletionService<List<DataFile>> running = new ExecutorCompletionService<>(threads);
        calls.forEach(running::submit);
        List<DataFile> results = new ArrayList<>();
        for (int done = 0; done < calls.size(); done++) {
            try {
                results.addAll(running.take().get());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            }
        }
        return results;
    }
}
