package io.ticklake.infra.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

    @TempDir
    Path dir;

    @Test
    void recordsTheProcessAndFindsItAgainByItsPidFile() throws Exception {
        ManagedProcess started = spawn("sleep-a", dir.resolve("marker-a"));
        try {
            assertThat(started.isAlive()).isTrue();
            assertThat(Files.readString(dir.resolve("run").resolve("sleep-a.pid")).trim()).isEqualTo(Long.toString(started.pid()));

            ManagedProcess found = ManagedProcess.find("sleep-a", dir.resolve("run"), dir.resolve("a.log")).orElseThrow();

            assertThat(found.pid()).isEqualTo(started.pid());
            assertThat(found.record().ports()).containsEntry("main", 1234);
            assertThat(Files.readString(dir.resolve("a.log"))).contains("starting sleep-a: perl -e sleep 300 " + dir.resolve("marker-a"));
        } finally {
            started.kill();
        }
        assertThat(started.isAlive()).isFalse();
        assertThat(dir.resolve("run").resolve("sleep-a.pid")).doesNotExist();
    }

    /**
     * Right after start the child may still be the JVM's spawn helper, without the marker in its command
     * line; here a shell that execs the command late stands in for a slow exec. Found by its pid file
     * before then, the record was taken for a stale one and deleted.
     */
    @Test
    void aProcessIsFoundByItsPidFileTheMomentSpawnReturns() {
        Path marker = dir.resolve("marker-d");
        ManagedProcess started = ManagedProcess.spawn(new ManagedProcess.Spec("sleep-d",
                List.of("sh", "-c", "sleep 0.3; exec perl -e 'sleep 300' \"$MARKER\""),
                Map.of("MARKER", marker.toString()), dir, dir.resolve("run"), dir.resolve("d.log"),
                marker.toString(), Map.of()));
        try {
            assertThat(ManagedProcess.find("sleep-d", dir.resolve("run"), dir.resolve("d.log")))
                    .map(ManagedProcess::pid).contains(started.pid());
        } finally {
            started.kill();
        }
    }

    @Test
    void ignoresARecordWhosePidNowBelongsToAnotherProcess() {
        ManagedProcess started = spawn("sleep-b", dir.resolve("marker-b"));
        try {
            // the same pid, but a start time from long ago: the pid was reused
            new ProcessRecord(started.pid(), 1_000_000L, started.record().marker(), Map.of()).write(dir.resolve("run"), "sleep-b");

            assertThat(ManagedProcess.find("sleep-b", dir.resolve("run"), dir.resolve("b.log"))).isEmpty();
            assertThat(dir.resolve("run").resolve("sleep-b.pid")).doesNotExist();
            assertThat(started.isAlive()).as("a stale record is dropped, the process is left alone").isTrue();
        } finally {
            ProcessHandle.of(started.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void terminatesGracefully() {
        ManagedProcess started = spawn("sleep-c", dir.resolve("marker-c"));

        started.terminate(Duration.ofSeconds(10));

        assertThat(started.isAlive()).isFalse();
        assertThat(ManagedProcess.find("sleep-c", dir.resolve("run"), dir.resolve("c.log"))).isEmpty();
    }

    /** A 300 s sleep whose command line carries the marker as an (unused) argument; perl-base is on every Debian. */
    private ManagedProcess spawn(String name, Path marker) {
        return ManagedProcess.spawn(new ManagedProcess.Spec(name,
                List.of("perl", "-e", "sleep 300", marker.toString()),
                Map.of(), dir, dir.resolve("run"), dir.resolve(name.substring(name.length() - 1) + ".log"),
                marker.toString(), Map.of("main", 1234)));
    }
}
