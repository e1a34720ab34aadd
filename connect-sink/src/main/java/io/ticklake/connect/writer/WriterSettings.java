package io.ticklake.connect.writer;

import io.ticklake.connect.format.ParquetSettings;
import java.time.Duration;

/**
 * What every partition writer of a task shares.
 *
 * @param table          table directory under raw/
 * @param rotation       when batches close
 * @param parquet        file layout
 * @param backoffInitial first wait after a retriable failure
 * @param backoffMax     cap of the doubling wait
 */
public record WriterSettings(String table, RotationPolicy rotation, ParquetSettings parquet,
                             Duration backoffInitial, Duration backoffMax) {
}
