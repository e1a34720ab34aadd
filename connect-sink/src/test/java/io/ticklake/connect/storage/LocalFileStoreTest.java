package io.ticklake.connect.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.connect.testing.ZombieWrites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileStoreTest {

    @TempDir
    Path root;

    private static FileBytes bytes(String text) {
        FileBytes bytes = new FileBytes();
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        bytes.write(data, 0, data.length);
        return bytes;
    }

    @Test
    void putsNeverReplaceAFileAndLeaveNoTemporaryFiles() throws Exception {
        LocalFileStore store = new LocalFileStore(root);
        assertThat(store.putIfAbsent("raw/t/hour=01/a.parquet", bytes("first"))).isTrue();
        assertThat(store.putIfAbsent("raw/t/hour=01/a.parquet", bytes("second"))).isFalse();

        assertThat(Files.readString(root.resolve("raw/t/hour=01/a.parquet"))).isEqualTo("first");
        try (Stream<Path> staged = Files.list(root.resolve(LocalFileStore.STAGING_DIR))) {
            assertThat(staged).isEmpty();
        }
    }

    @Test
    void tailReadsTheEndAndKnowsTheLength() {
        LocalFileStore store = new LocalFileStore(root);
        store.putIfAbsent("k", bytes("0123456789"));

        ObjectTail tail = store.tail("k", 4).orElseThrow();
        assertThat(tail.length()).isEqualTo(10);
        assertThat(new String(tail.bytes(), StandardCharsets.UTF_8)).isEqualTo("6789");
        assertThat(store.tail("missing", 4)).isEmpty();
    }

    @Test
    void abortRemovesOnlyTheStagedFilesOfTheGivenPartition() throws Exception {
        Path staging = Files.createDirectories(root.resolve(LocalFileStore.STAGING_DIR));
        Files.writeString(staging.resolve("stock-ticks+1+00000000000000000005.parquet.abc.tmp"), "x");
        Files.writeString(staging.resolve("stock-ticks+2+00000000000000000005.parquet.def.tmp"), "x");
        LocalFileStore store = new LocalFileStore(root);

        int aborted = store.abortIncompleteUploads("raw/", name -> name.startsWith("stock-ticks+1+"));

        assertThat(aborted).isEqualTo(1);
        try (Stream<Path> staged = Files.list(staging)) {
            assertThat(staged.map(p -> p.getFileName().toString())).containsExactly(
                    "stock-ticks+2+00000000000000000005.parquet.def.tmp");
        }
    }

    @Test
    void fileBytesSlicesAcrossChunks() {
        FileBytes bytes = new FileBytes();
        byte[] data = new byte[600_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        bytes.write(data, 0, data.length);
        byte[] slice = bytes.slice(262_000, 1000);
        for (int i = 0; i < slice.length; i++) {
            assertThat(slice[i]).isEqualTo((byte) (262_000 + i));
        }
        assertThat(bytes.toByteArray()).isEqualTo(data);
    }

    @Test
    void aZombieWritersFileIsNotReplacedAndTheOwnerFollowsItsRange() throws Exception {
        LocalFileStore store = new LocalFileStore(root);
        ZombieWrites.zombieFileIsNeverReplacedAndTheOwnerFollowsIt(store);
        try (Stream<Path> staged = Files.list(root.resolve(LocalFileStore.STAGING_DIR))) {
            assertThat(staged).isEmpty();
        }
    }

    @Test
    void theSameBatchAlreadyStoredCountsAsWritten() {
        ZombieWrites.sameRangeAlreadyStoredCountsAsWritten(new LocalFileStore(root));
    }
}
