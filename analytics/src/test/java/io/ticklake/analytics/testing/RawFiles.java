package io.ticklake.analytics.testing;

import io.ticklake.lake.RawAlertColumns;
import io.ticklake.lake.RawDeadLetterColumns;
import io.ticklake.lake.RawLayout;
import io.ticklake.lake.RawTickColumns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes raw files the way the Connect sink and the backfill land them: in the lake module's layout
 * ({@link RawLayout}) and with its exact Parquet schema ({@link RawTickColumns#PARQUET_SCHEMA},
 * millisecond timestamps), every record as given, duplicates and re-landings included.
 */
public final class RawFiles {

    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType(RawTickColumns.PARQUET_SCHEMA);
    private static final MessageType ALERT_SCHEMA = MessageTypeParser.parseMessageType(RawAlertColumns.PARQUET_SCHEMA);
    private static final MessageType DEAD_LETTER_SCHEMA =
            MessageTypeParser.parseMessageType(RawDeadLetterColumns.PARQUET_SCHEMA);

    /**
     * A landed Kafka record.
     *
     * @param tick      the tick with its Kafka partition and offset
     * @param latencyMs its record timestamp (the lake's ingest_time) minus its event time
     */
    public record Landed(Tick tick, long latencyMs) {
    }

    /** A landed alert: what fired, when, and its Kafka coordinates on {@code stock-alerts}. */
    public record LandedAlert(String ruleId, String symbol, String kind, Instant eventTime, int partition, long offset) {
    }

    /**
     * A landed dead letter: the rejected record's coordinates on its source topic, who reported it with
     * which reason, its key, and the dead letter's own offset on {@code stock-ticks-dlq} and timestamp.
     */
    public record LandedDeadLetter(String sourceTopic, int sourcePartition, long sourceOffset, String reportedBy,
                                   String reason, String key, long offset, Instant timestamp) {
    }

    private RawFiles() {
    }

    /** Writes {@code name} in the {@code raw/stock_ticks_dlq} directory of the dead letters' hour (all in one hour). */
    public static Path writeDeadLetters(Path lakeRoot, String name, List<LandedDeadLetter> letters) {
        Instant hour = RawLayout.hourOf(letters.get(0).timestamp());
        Path file = lakeRoot.resolve(RawLayout.hourDirectory(RawLayout.RAW_DEAD_LETTERS_TABLE, hour)).resolve(name);
        SimpleGroupFactory groups = new SimpleGroupFactory(DEAD_LETTER_SCHEMA);
        try (ParquetWriter<Group> writer = open(file, DEAD_LETTER_SCHEMA)) {
            for (LandedDeadLetter d : letters) {
                writer.write(groups.newGroup()
                        .append(RawDeadLetterColumns.SOURCE_TOPIC, d.sourceTopic())
                        .append(RawDeadLetterColumns.SOURCE_PARTITION, d.sourcePartition())
                        .append(RawDeadLetterColumns.SOURCE_OFFSET, d.sourceOffset())
                        .append(RawDeadLetterColumns.REPORTED_BY, d.reportedBy())
                        .append(RawDeadLetterColumns.REASON, d.reason())
                        .append(RawDeadLetterColumns.ERROR_MESSAGE, "rejected: " + d.reason())
                        .append(RawDeadLetterColumns.RECORD_KEY, d.key())
                        .append(RawTickColumns.KAFKA_TOPIC, "stock-ticks-dlq")
                        .append(RawTickColumns.KAFKA_PARTITION, 0)
                        .append(RawTickColumns.KAFKA_OFFSET, d.offset())
                        .append(RawTickColumns.INGEST_TIME, d.timestamp().toEpochMilli()));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write raw dead-letter file " + file, e);
        }
    }

    /** Writes {@code name} in the {@code raw/stock_alerts} directory of the alerts' event hour (all in one hour). */
    public static Path writeAlerts(Path lakeRoot, String name, List<LandedAlert> alerts) {
        Instant hour = RawLayout.hourOf(alerts.get(0).eventTime());
        if (alerts.stream().anyMatch(a -> !RawLayout.hourOf(a.eventTime()).equals(hour))) {
            throw new IllegalArgumentException("a raw file holds one hour of event time: " + alerts);
        }
        Path file = lakeRoot.resolve(RawLayout.hourDirectory(RawLayout.RAW_ALERTS_TABLE, hour)).resolve(name);
        SimpleGroupFactory groups = new SimpleGroupFactory(ALERT_SCHEMA);
        try (ParquetWriter<Group> writer = open(file, ALERT_SCHEMA)) {
            for (LandedAlert a : alerts) {
                long eventMs = a.eventTime().toEpochMilli();
                writer.write(groups.newGroup()
                        .append(RawAlertColumns.RULE_ID, a.ruleId())
                        .append(RawAlertColumns.SYMBOL, a.symbol())
                        .append(RawAlertColumns.KIND, a.kind())
                        .append(RawAlertColumns.EVENT_TIME, eventMs)
                        .append(RawAlertColumns.PRICE, 100.0)
                        .append(RawAlertColumns.THRESHOLD, 99.0)
                        .append(RawAlertColumns.MESSAGE, a.ruleId() + " fired")
                        .append(RawAlertColumns.FIRED_AT, eventMs + 1)
                        .append(RawTickColumns.KAFKA_TOPIC, "stock-alerts")
                        .append(RawTickColumns.KAFKA_PARTITION, a.partition())
                        .append(RawTickColumns.KAFKA_OFFSET, a.offset())
                        .append(RawTickColumns.INGEST_TIME, eventMs + 5));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write raw alert file " + file, e);
        }
    }

    /** A local file and a plain configuration: no Hadoop file system (and no .crc files beside the data). */
    private static ParquetWriter<Group> open(Path file, MessageType schema) throws IOException {
        Files.createDirectories(file.getParent());
        return ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                .withConf(new PlainParquetConfiguration()).withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build();
    }

    /** Writes {@code name} in the raw directory of the hour of the records' event time (all in one hour). */
    public static Path write(Path lakeRoot, String name, List<Landed> records) {
        Instant hour = RawLayout.hourOf(records.get(0).tick().eventTime());
        if (records.stream().anyMatch(r -> !RawLayout.hourOf(r.tick().eventTime()).equals(hour))) {
            throw new IllegalArgumentException("a raw file holds one hour of event time: " + records);
        }
        Path file = lakeRoot.resolve(RawLayout.hourDirectory(hour)).resolve(name);
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        try {
            try (ParquetWriter<Group> writer = open(file, SCHEMA)) {
                for (Landed record : records) {
                    Tick t = record.tick();
                    long eventMs = t.eventTime().toEpochMilli();
                    writer.write(groups.newGroup()
                            .append(RawTickColumns.SYMBOL, t.symbol())
                            .append(RawTickColumns.PRICE, t.price())
                            .append(RawTickColumns.VOLUME, t.volume())
                            .append(RawTickColumns.BID, t.price() - 0.01)
                            .append(RawTickColumns.ASK, t.price() + 0.01)
                            .append(RawTickColumns.EVENT_TIME, eventMs)
                            .append(RawTickColumns.SEQUENCE, t.sequence())
                            .append(RawTickColumns.SOURCE, "SIMULATOR")
                            .append(RawTickColumns.KAFKA_TOPIC, "stock-ticks")
                            .append(RawTickColumns.KAFKA_PARTITION, t.partition())
                            .append(RawTickColumns.KAFKA_OFFSET, t.offset())
                            .append(RawTickColumns.INGEST_TIME, eventMs + record.latencyMs()));
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write raw file " + file, e);
        }
    }
}
