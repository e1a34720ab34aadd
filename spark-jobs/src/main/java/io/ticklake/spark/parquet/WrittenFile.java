package io.ticklake.spark.parquet;

import java.io.Serializable;

/** A data file a task wrote: where, how many rows, how many bytes. */
public record WrittenFile(String uri, long rows, long bytes) implements Serializable {
}
