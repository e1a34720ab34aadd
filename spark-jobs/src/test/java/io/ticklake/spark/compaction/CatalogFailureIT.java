package io.ticklake.spark.compaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.lake.table.LakeCatalogException;
import io.ticklake.spark.lake.HourPartition;
import io.ticklake.spark.testing.LakeTable;
import io.ticklake.spark.testing.RawFiles;
import io.ticklake.spark.testing.TestSpark;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A catalog that cannot be reached fails the job naming its URI, and nothing of the run becomes visible. */
class CatalogFailureIT {

    private static final HourPartition HOUR = HourPartition.parse("2026-11-20T07");

    @TempDir
    Path dir;

    private SparkSession spark;
    private String lake;

    @BeforeEach
    void setUp() throws Exception {
        spark = TestSpark.session();
        lake = dir.toUri().toString();
        new RawFiles(lake, spark.sparkContext().hadoopConfiguration()).sinkFile(HOUR, "stock-ticks", 0, 0, 50);
    }

    @Test
    void anUnreachableRestCatalogIsNamed() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String uri = "http://127.0.0.1:" + port + "/iceberg";

        assertThatThrownBy(() -> compaction().option("catalog-type", "rest").option("catalog-uri", uri).execute())
                .isInstanceOf(LakeCatalogException.class).hasMessageContaining(uri);
        assertThat(dir.resolve("warehouse")).doesNotExist();
    }

    @Test
    void aLockedSqliteCatalogIsNamedAndTheTableKeepsItsState() throws Exception {
        compaction().execute();
        new RawFiles(lake, spark.sparkContext().hadoopConfiguration()).sinkFile(HOUR, "stock-ticks", 1, 0, 20);
        String uri = "jdbc:sqlite:" + dir.resolve("catalog/iceberg.db");

        try (Connection other = DriverManager.getConnection(uri); Statement st = other.createStatement()) {
            st.execute("BEGIN EXCLUSIVE");   // another process holding the file's write lock
            assertThatThrownBy(() -> compaction().option("catalog.jdbc.busy_timeout", "500").execute())
                    .isInstanceOf(LakeCatalogException.class).hasMessageContaining(uri);
            st.execute("ROLLBACK");
        }
        try (LakeTable table = new LakeTable(spark, lake)) {
            assertThat(table.snapshots()).hasSize(1);
            assertThat(table.rows(HOUR)).hasSize(50);
        }
    }

    private Compaction compaction() {
        return Compaction.in(spark).option("lake", lake).option("hour", HOUR.toString());
    }
}
