package io.ticklake.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.infra.Platform;
import io.ticklake.infra.PlatformConfig;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A platform left running by a JVM that died is stopped and deleted by the next test run. */
class AbandonedPlatformsIT {

    @TempDir
    Path parent;

    @Test
    void stopsThePlatformsOfDeadJvmsAndLeavesLiveOnesAlone() throws Exception {
        Path abandoned = Files.createDirectory(parent.resolve(AbandonedPlatforms.DIRECTORY_PREFIX + "abandoned"));
        Process deadOwner = new ProcessBuilder("sleep", "60").start();
        long deadOwnerStart = deadOwner.toHandle().info().startInstant().orElseThrow().toEpochMilli();
        deadOwner.destroyForcibly().waitFor();
        Files.writeString(abandoned.resolve("owner.jvm"), deadOwner.pid() + " " + deadOwnerStart + "\n");
        Platform leftBehind = new Platform(PlatformConfig.forTests(abandoned, System.getenv()));
        leftBehind.minio().start();
        long minioPid = leftBehind.minio().pid().orElseThrow();

        Path live = Files.createDirectory(parent.resolve(AbandonedPlatforms.DIRECTORY_PREFIX + "live"));
        AbandonedPlatforms.claim(live);

        AbandonedPlatforms.reap(parent);

        assertThat(ProcessHandle.of(minioPid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(abandoned).doesNotExist();
        assertThat(live).isDirectory();
    }
}
