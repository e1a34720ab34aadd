package io.ticklake.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the run command refuses before it starts anything; the run itself is e2e's RunCommandIT. */
class RunCommandTest {

    @TempDir
    Path home;

    @Test
    void aSecuredPlatformIsRefusedNamingTheSettingAndTheWayToRunOne() {
        CliRun run = CliRun.inProcess(Map.of("TICKLAKE_REPO", home.toString()), "run", "--home", home.toString(),
                "--security", "sasl_ssl");

        assertThat(run.exitCode()).isEqualTo(PlatformCli.USAGE);
        assertThat(run.err()).contains("--security/TICKLAKE_SECURITY").contains("infra/platform up --security sasl_ssl");
        assertThat(home.resolve("run")).doesNotExist();
    }

    @Test
    void aBadOptionIsRefusedNamingIt() {
        CliRun run = CliRun.inProcess(Map.of("TICKLAKE_REPO", home.toString()), "run", "--home", home.toString(),
                "--every-minutes", "0");

        assertThat(run.exitCode()).isEqualTo(PlatformCli.USAGE);
        assertThat(run.err()).contains("--every-minutes");
    }

    @Test
    void aSinkSecretGivenAsAnArgumentIsRefusedBeforeAnythingStarts() {
        CliRun run = CliRun.inProcess(Map.of("TICKLAKE_REPO", home.toString()), "run", "--home", home.toString(),
                "--sink-config", "rotate.idle.ms=5000", "--sink-config", "s3.secret.key=visible-in-ps");

        assertThat(run.exitCode()).isEqualTo(PlatformCli.USAGE);
        assertThat(run.err()).contains("--sink-config s3.secret.key").doesNotContain("visible-in-ps");
        assertThat(home.resolve("run")).doesNotExist();
    }
}
