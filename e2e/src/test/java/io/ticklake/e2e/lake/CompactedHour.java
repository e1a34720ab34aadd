package io.ticklake.e2e.lake;

import io.ticklake.spark.lake.Manifest;
import java.util.List;

/** A compacted hour as a reader sees it: its published manifest and the rows of the files it lists. */
public record CompactedHour(Manifest manifest, List<LakeRow> rows) {
}
