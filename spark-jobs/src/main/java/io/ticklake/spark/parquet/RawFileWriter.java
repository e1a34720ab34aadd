package io.ticklake.spark.parquet;

import io.ticklake.lake.RawTickColumns;
import io.ticklake.spark.storage.LakeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Writes one Parquet file in the raw contract's schema (Snappy), so that it appears whole or not at all:
 * locally under a hidden temporary name renamed on {@link #close()}, on S3 as the upload S3A completes on
 * close. Rewriting the same name replaces the file, which makes replays idempotent.
 *
 * @param <T> the row type: Spark's {@link Row} or, in the compaction's hot loop, its {@link InternalRow}
 */
public final class RawFileWriter<T> implements AutoCloseable {

    private final String uri;
    private final Configuration conf;
    private final Path localTemp;
    private final ParquetWriter<T> writer;
    private long rows;

    /** A writer of {@link Row}s in contract order. */
    public static RawFileWriter<Row> forRows(String uri, Configuration conf, long rowGroupBytes) throws IOException {
        return new RawFileWriter<>(uri, conf, rowGroupBytes, RawTickWriteSupport::new);
    }

    /** A writer of internal rows read with {@link RawTickSchema#SPARK}. */
    public static RawFileWriter<InternalRow> forInternalRows(String uri, Configuration conf, long rowGroupBytes)
            throws IOException {
        return new RawFileWriter<>(uri, conf, rowGroupBytes, InternalRowWriteSupport::new);
    }

    /**
     * @param rowGroupBytes Parquet row-group size; a group is buffered in memory until full
     */
    private RawFileWriter(String uri, Configuration conf, long rowGroupBytes, Supplier<WriteSupport<T>> support)
            throws IOException {
        this.uri = uri;
        this.conf = conf;
        OutputFile out;
        if (LakeFiles.isLocal(uri)) {
            Path target = LakeFiles.localPath(uri);
            Files.createDirectories(target.getParent());
            localTemp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            out = new LocalOutputFile(localTemp);
        } else {
            localTemp = null;
            out = HadoopOutputFile.fromPath(new org.apache.hadoop.fs.Path(uri), conf);
        }
        writer = new Builder<>(out, support).withConf(conf).withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupSize(rowGroupBytes).withDictionaryEncoding(true)
                // (nearly) unique per row: a dictionary only costs a hash lookup per value before it gives up
                .withDictionaryEncoding(RawTickColumns.EVENT_TIME, false)
                .withDictionaryEncoding(RawTickColumns.SEQUENCE, false)
                .withDictionaryEncoding(RawTickColumns.KAFKA_OFFSET, false)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build();
    }

    public void write(T row) throws IOException {
        writer.write(row);
        rows++;
    }

    public long rows() {
        return rows;
    }

    /** Bytes written so far, including the open row group. */
    public long dataSize() {
        return writer.getDataSize();
    }

    /** Completes the file and makes it visible under its name. */
    public WrittenFile closeAndPublish() throws IOException {
        writer.close();
        long bytes;
        if (localTemp != null) {
            Path target = LakeFiles.localPath(uri);
            Files.move(localTemp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            bytes = Files.size(target);
        } else {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
            bytes = path.getFileSystem(conf).getFileStatus(path).getLen();
        }
        return new WrittenFile(uri, rows, bytes);
    }

    /** Abandons the file (a failed task): nothing becomes visible locally. */
    @Override
    public void close() throws IOException {
        try {
            writer.close();
        } finally {
            if (localTemp != null) {
                Files.deleteIfExists(localTemp);
            }
        }
    }

    /** The builder parquet-java asks for to plug a {@link org.apache.parquet.hadoop.api.WriteSupport} in. */
    private static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>> {

        private final Supplier<WriteSupport<T>> support;

        Builder(OutputFile file, Supplier<WriteSupport<T>> support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder<T> self() {
            return this;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(Configuration conf) {
            return support.get();
        }
    }
}
