package io.ticklake.streams.rocksdb;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB store in the JVM by one budget: a single LRU block
 * cache shared by all stores (and all segments of the window stores), which also accounts for the
 * memtables through a shared {@link WriteBufferManager}, and holds the index and filter blocks, so
 * that neither grows with the number of stores. This is the recipe of the Kafka Streams memory
 * management guide, with the sizes read from configuration.
 *
 * <p>Kafka Streams instantiates this class once per store, so the cache lives in a static map keyed
 * by the budget; stores configured alike share it. It is never closed: it lives as long as the JVM.
 * The limit is not strict (RocksDB may overshoot briefly rather than fail a write).
 */
public final class BoundedMemoryRocksDbConfig implements RocksDBConfigSetter {

    public static final String MEMORY_BYTES = "ticklake.rocksdb.memory.bytes";
    public static final long MEMORY_BYTES_DEFAULT = 128L << 20;
    public static final String WRITE_BUFFER_BYTES = "ticklake.rocksdb.write.buffer.bytes";
    public static final long WRITE_BUFFER_BYTES_DEFAULT = 32L << 20;

    /** Share of the cache kept for index and filter blocks (high priority), as in the guide. */
    private static final double INDEX_FILTER_BLOCK_RATIO = 0.1;
    private static final long MEMTABLE_BYTES = 8L << 20;
    private static final int MEMTABLES_PER_STORE = 2;
    private static final long BLOCK_BYTES = 16L << 10;

    private static final Map<Budget, SharedMemory> SHARED = new ConcurrentHashMap<>();

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Budget budget = new Budget(longValue(configs.get(MEMORY_BYTES), MEMORY_BYTES_DEFAULT),
                longValue(configs.get(WRITE_BUFFER_BYTES), WRITE_BUFFER_BYTES_DEFAULT));
        SharedMemory memory = SHARED.computeIfAbsent(budget, SharedMemory::new);

        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        table.setBlockSize(BLOCK_BYTES);
        options.setWriteBufferManager(memory.writeBuffers);
        options.setWriteBufferSize(Math.min(MEMTABLE_BYTES, budget.writeBufferBytes()));
        options.setMaxWriteBufferNumber(MEMTABLES_PER_STORE);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and write buffer manager are shared by every store: they must outlive each one
    }

    private static long longValue(Object value, long defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        return value instanceof Number number ? number.longValue() : Long.parseLong(value.toString().trim());
    }

    private record Budget(long memoryBytes, long writeBufferBytes) {
    }

    private static final class SharedMemory {
        private final Cache cache;
        private final WriteBufferManager writeBuffers;

        SharedMemory(Budget budget) {
            this.cache = new LRUCache(budget.memoryBytes(), -1, false, INDEX_FILTER_BLOCK_RATIO);
            this.writeBuffers = new WriteBufferManager(budget.writeBufferBytes(), cache);
        }
    }
}
