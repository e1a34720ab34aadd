package io.ticklake.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.e2e.process.WorkDirs;
import io.ticklake.e2e.soak.Fault;
import io.ticklake.e2e.soak.FaultRecord;
import io.ticklake.e2e.soak.Soak;
import io.ticklake.e2e.soak.SoakReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The soak of the whole platform on a platform of its own (three Kafka nodes, replication 3,
 * min.insync.replicas 2; the registry; MinIO holding the lake; two Connect workers; two dashboard/streams
 * instances with a WebSocket client each) under a steady feed with late, duplicate, out-of-order and
 * invalid ticks: every fault of {@link Fault} in a seeded order, then the drain, the compaction of the
 * landed lake into {@code ticklake.ticks} and the checks of {@code SoakVerifier}.
 *
 * <p>In CI ({@code ticklake.soak.minutes} unset or 0) each fault once, MinIO's outage and the registry's
 * pause 15 s. {@code ./ticklake soak --minutes N} sets it: rounds are repeated until N minutes have passed,
 * the outages last 30 s. The report is logged and written to {@code target/soak-report.txt}, every
 * process log copied to {@code target/soak-logs/}.
 */
class SoakIT {

    private static final Logger LOG = LoggerFactory.getLogger(SoakIT.class);
    private static final long MINUTES = Long.getLong("ticklake.soak.minutes", 0);
    private static final Soak.Settings SETTINGS = new Soak.Settings(40, Duration.ofMinutes(MINUTES),
            Duration.ofSeconds(MINUTES > 0 ? 30 : 15), Duration.ofMinutes(3),
            Long.getLong("ticklake.soak.seed", 20_261_206L));

    @Test
    void faultsOneAfterAnotherLoseNothingDuplicateNothingAndLeaveNothingStuck() throws IOException {
        Path workDir = Files.createTempDirectory("ticklake-soak-");
        SoakReport report = Soak.run(SETTINGS, workDir, Path.of("target", "soak-logs"));
        String text = report.toText();
        LOG.info("\n{}", text);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "soak-report.txt"), text);
        WorkDirs.deleteUnlessKept(workDir);

        assertThat(report.faults()).extracting(FaultRecord::fault).contains(Fault.values());
        assertThat(report.problems()).as(text).isEmpty();
        assertThat(report.count("raw lake: lost valid ticks")).isZero();
        assertThat(report.count("raw lake: duplicated rows")).isZero();
        assertThat(report.count("valid ticks expected in the raw lake")).isGreaterThan(1_000);
        assertThat(report.count("compacted table: lost trades")).isZero();
        assertThat(report.count("compacted table: trades held twice")).isZero();
        assertThat(report.count("trades expected in the compacted table")).isGreaterThan(1_000);
        assertThat(report.count("1-minute KPI windows verified")).isPositive();
        for (String kind : new String[] {"INVALID", "LATE", "DUPLICATE"}) {
            assertThat(report.count("ticks the streams app must treat as " + kind)).as(kind + " ticks").isPositive();
        }
    }
}
