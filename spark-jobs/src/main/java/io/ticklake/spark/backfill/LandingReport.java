package io.ticklake.spark.backfill;

import io.ticklake.spark.parquet.WrittenFile;
import java.io.Serializable;
import java.util.List;

/**
 * What one task of a micro-batch landed (public only because Spark's encoder needs it).
 *
 * @param records      Kafka records the task read
 * @param landed       rows written to raw files
 * @param beyondBounds records past the ending offsets/timestamp, not landed
 * @param undecodable  records that are not StockTicks (never landed, always counted and logged)
 * @param deadLettered undecodable records sent to the dead-letter topic
 * @param errors       the first few undecodable records: coordinates and reason
 */
public record LandingReport(List<WrittenFile> files, long records, long landed, long beyondBounds, long undecodable,
                     long deadLettered, List<String> errors) implements Serializable {
}
