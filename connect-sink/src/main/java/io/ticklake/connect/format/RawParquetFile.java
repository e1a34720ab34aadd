package io.ticklake.connect.format;

import io.ticklake.connect.storage.FileBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * One open raw file: rows are encoded into Parquet's column buffers as they arrive, so an open file
 * costs its compressed-ish size in memory, not one object per row. {@link #finish} closes it and
 * hands back the complete file's bytes.
 */
public final class RawParquetFile {

    private final InMemoryOutputFile output;
    private final RawWriteSupport writeSupport;
    private final ParquetWriter<RawRow> writer;
    private long rows;

    /** An open file of {@code schema}: every row written to it must have that schema. */
    public RawParquetFile(String name, MessageType schema, String topic, int partition, ParquetSettings settings) {
        this.output = new InMemoryOutputFile(name);
        this.writeSupport = new RawWriteSupport(schema, topic, partition);
        try {
            this.writer = new Builder(output, writeSupport)
                    .withConf(new PlainParquetConfiguration())
                    .withCodecFactory(SnappyCodecFactory.INSTANCE)
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withRowGroupSize((long) settings.rowGroupBytes())
                    .withPageSize(settings.pageBytes())
                    .withDictionaryEncoding(true)
                    .withWriterVersion(WriterVersion.PARQUET_1_0)
                    .withValidation(false)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a Parquet writer for " + name, e);
        }
    }

    public void write(RawRow row) {
        try {
            writer.write(row);
        } catch (IOException e) {
            // the output is in memory: this is a bug or an out-of-memory condition, not a store failure
            throw new UncheckedIOException("cannot encode offset " + row.offset() + " into " + output.getPath(), e);
        }
        rows++;
    }

    public long rows() {
        return rows;
    }

    /** Bytes this file holds in memory: flushed row groups plus the open one's buffers. */
    public long bufferedBytes() {
        return writer.getDataSize();
    }

    /** Closes the file with {@code footer} as key-value metadata and returns its bytes. */
    public FileBytes finish(Map<String, String> footer) {
        writeSupport.setFooter(footer);
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + output.getPath(), e);
        }
        return output.bytes();
    }

    /** Builds the writer on a plain (Hadoop-free) configuration. */
    private static final class Builder extends ParquetWriter.Builder<RawRow, Builder> {
        private final RawWriteSupport writeSupport;

        Builder(OutputFile file, RawWriteSupport writeSupport) {
            super(file);
            this.writeSupport = writeSupport;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<RawRow> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return writeSupport;
        }

        @Override
        protected WriteSupport<RawRow> getWriteSupport(ParquetConfiguration conf) {
            return writeSupport;
        }
    }
}
