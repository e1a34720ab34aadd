package io.ticklake.spark.testing;

import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.lake.LakeLayout;
import io.ticklake.spark.parquet.RawFileWriter;
import io.ticklake.spark.parquet.WrittenFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;

/** Writes raw files the way the Connect sink and the backfill name them, in the contract's exact schema. */
public final class RawFiles {

    private final LakeLayout layout;
    private final Configuration conf;

    public RawFiles(String lake, Configuration conf) {
        this.layout = LakeLayout.of(lake);
        this.conf = conf;
    }

    /** {@code stock-ticks+<partition>+<first offset>.parquet} with the ticks of offsets [from, to). */
    public WrittenFile sinkFile(HourPartition hour, String topic, int partition, long from, long to) throws IOException {
        String name = String.format("%s+%d+%020d.parquet", topic, partition, from);
        return write(hour, name, ticks(hour, topic, partition, from, to));
    }

    /** {@code backfill+<topic>+<partition>+<first offset>.parquet} with the ticks of offsets [from, to). */
    public WrittenFile backfillFile(HourPartition hour, String topic, int partition, long from, long to)
            throws IOException {
        String name = String.format("backfill+%s+%d+%020d.parquet", topic, partition, from);
        return write(hour, name, ticks(hour, topic, partition, from, to));
    }

    public WrittenFile write(HourPartition hour, String name, List<Tick> ticks) throws IOException {
        RawFileWriter<Row> writer = RawFileWriter.forRows(layout.rawHour(hour) + "/" + name, conf, 1 << 20);
        try {
            for (Tick tick : ticks) {
                writer.write(tick.toRow());
            }
            return writer.closeAndPublish();
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    public static List<Tick> ticks(HourPartition hour, String topic, int partition, long from, long to) {
        List<Tick> ticks = new ArrayList<>();
        for (long offset = from; offset < to; offset++) {
            ticks.add(Tick.at(topic, partition, offset, hour.start()));
        }
        return ticks;
    }

    public LakeLayout layout() {
        return layout;
    }
}
