package io.ticklake.spark.compaction;

import java.io.Serializable;
import java.util.Map;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.LocationProvider;

/** What the executors need of the table to write its data files: file IO, locations, properties, order. */
record WriteTarget(FileIO io, LocationProvider locations, Map<String, String> properties, SortOrder sortOrder)
        implements Serializable {

    static WriteTarget of(Table table) {
        return new WriteTarget(table.io(), table.locationProvider(), Map.copyOf(table.properties()), table.sortOrder());
    }
}
