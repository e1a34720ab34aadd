package io.ticklake.spark.compaction;

import io.ticklake.lake.table.TicksTable;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.hadoop.HadoopInputFile;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.mapping.MappingUtil;
import org.apache.iceberg.mapping.NameMapping;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.spark.data.SparkParquetReaders;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * The rows of a list of raw files, read one file after the other inside a task with Iceberg's Parquet
 * reader, in the table's column order (which is the raw contract's). Raw files carry no Iceberg field ids,
 * so their columns are matched by name; the planner has checked every file's schema before. The row
 * returned is one instance, overwritten by the next call, like Spark's own readers'.
 */
final class RawFileRows implements Iterator<InternalRow>, Closeable {

    private static final NameMapping BY_NAME = MappingUtil.create(TicksTable.SCHEMA);

    private final Iterator<String> uris;
    private final Configuration conf;
    private CloseableIterable<InternalRow> file;
    private Iterator<InternalRow> rows = Collections.emptyIterator();

    RawFileRows(Iterator<String> uris, Configuration conf) {
        this.uris = uris;
        this.conf = conf;
    }

    @Override
    public boolean hasNext() {
        while (!rows.hasNext()) {
            closeFile();
            if (!uris.hasNext()) {
                return false;
            }
            file = Parquet.read(HadoopInputFile.fromLocation(uris.next(), conf))
                    .project(TicksTable.SCHEMA)
                    .withNameMapping(BY_NAME)
                    .reuseContainers()
                    .createReaderFunc((schema, fileSchema) -> SparkParquetReaders.buildReader(schema, fileSchema))
                    .build();
            rows = file.iterator();
        }
        return true;
    }

    @Override
    public InternalRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return rows.next();
    }

    @Override
    public void close() {
        closeFile();
    }

    private void closeFile() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                file = null;
                rows = Collections.emptyIterator();
            }
        }
    }
}
