package io.ticklake.infra.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardCredentialsTest {

    @TempDir
    Path dir;

    @Test
    void madeOnceReadableByTheOwnerOnlyAndKeptOnTheNextRun() throws Exception {
        DashboardCredentials credentials = new DashboardCredentials(dir.resolve("home/dashboard-credentials.env"));

        assertThat(credentials.ensure()).as("made now").isTrue();
        Map<String, String> first = credentials.environment();
        Files.setPosixFilePermissions(credentials.file(), PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(credentials.ensure()).as("kept").isFalse();

        assertThat(first).containsOnlyKeys(DashboardCredentials.VARIABLES);
        assertThat(first.values()).allMatch(value -> value.length() >= 32).doesNotHaveDuplicates();
        assertThat(credentials.environment()).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials.file())))
                .isEqualTo("rw-------");
    }
}
