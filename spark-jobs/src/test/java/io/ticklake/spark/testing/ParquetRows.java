package io.ticklake.spark.testing;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/** Reads lake files back with parquet-java, independently of the code under test's Spark reading. */
public final class ParquetRows {

    private ParquetRows() {
    }

    public static List<Tick> read(URI file, Configuration conf) throws IOException {
        List<Tick> rows = new ArrayList<>();
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), new Path(file)).withConf(conf)
                .build()) {
            for (Group g = reader.read(); g != null; g = reader.read()) {
                rows.add(new Tick(g.getString("symbol", 0), g.getDouble("price", 0), g.getLong("volume", 0),
                        g.getFieldRepetitionCount("bid") == 0 ? null : g.getDouble("bid", 0),
                        g.getFieldRepetitionCount("ask") == 0 ? null : g.getDouble("ask", 0),
                        Instant.ofEpochMilli(g.getLong("event_time", 0)), g.getLong("sequence", 0),
                        g.getString("source", 0), g.getString("kafka_topic", 0), g.getInteger("kafka_partition", 0),
                        g.getLong("kafka_offset", 0), Instant.ofEpochMilli(g.getLong("ingest_time", 0))));
            }
        }
        return rows;
    }

    public static List<Tick> readAll(List<URI> files, Configuration conf) throws IOException {
        List<Tick> rows = new ArrayList<>();
        for (URI file : files) {
            rows.addAll(read(file, conf));
        }
        return rows;
    }

    public static ParquetMetadata footer(URI file, Configuration conf) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file), conf))) {
            return reader.getFooter();
        }
    }
}
