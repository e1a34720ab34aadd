package io.ticklake.infra.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void returnsTheLastLines() throws Exception {
        Path log = dir.resolve("service.log");
        Files.writeString(log, IntStream.rangeClosed(1, 1000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")) + "\n");

        assertThat(LogTail.lastLines(log, 3)).containsExactly("line 998", "line 999", "line 1000");
        assertThat(LogTail.format(log, 2)).isEqualTo("  | line 999\n  | line 1000");
    }

    @Test
    void readsOnlyTheEndOfAHugeLog() throws Exception {
        Path log = dir.resolve("huge.log");
        String line = "x".repeat(99) + "\n";
        Files.writeString(log, line.repeat(20_000) + "the end\n");

        assertThat(LogTail.lastLines(log, 2)).containsExactly("x".repeat(99), "the end");
    }

    @Test
    void saysSoWhenThereIsNoLog() {
        assertThat(LogTail.lastLines(dir.resolve("missing.log"), 5)).isEmpty();
        assertThat(LogTail.format(dir.resolve("missing.log"), 5)).contains("is empty");
    }
}
