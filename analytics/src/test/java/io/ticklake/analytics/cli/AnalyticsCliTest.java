package io.ticklake.analytics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticklake.analytics.run.BuildScope;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyticsCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return AnalyticsCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void parsesOptionsWithSpaceOrEquals() throws Exception {
        CommandLine line = CommandLine.parse(new String[] {"run", "--lake=/l", "--hour", "2026-11-20T14", "--full"});
        assertThat(line.command()).isEqualTo("run");
        assertThat(line.options()).containsEntry("lake", "/l").containsEntry("hour", "2026-11-20T14");
        assertThat(line.flags()).containsExactly("full");
    }

    @Test
    void scopesFromOptions() throws Exception {
        assertThat(ScopeArguments.parse(Map.of(), Set.of()).isFull()).isTrue();
        assertThat(ScopeArguments.parse(Map.of(), Set.of("changed"))).hasToString("changed");
        assertThat(ScopeArguments.parse(Map.of("day", "2026-11-20"), Set.of()))
                .hasToString("hours [2026-11-20T00:00:00Z, 2026-11-21T00:00:00Z)");
        assertThat(ScopeArguments.parse(Map.of("from", "2026-11-20T10", "to", "2026-11-20T12"), Set.of()))
                .hasToString(BuildScope.hours(java.time.Instant.parse("2026-11-20T10:00:00Z"),
                        java.time.Instant.parse("2026-11-20T12:00:00Z")).toString());
        assertThatThrownBy(() -> ScopeArguments.parse(Map.of("hour", "2026-11-20T14"), Set.of("full")))
                .hasMessageContaining("only one of");
        assertThatThrownBy(() -> ScopeArguments.parse(Map.of("from", "2026-11-20T14"), Set.of()))
                .hasMessageContaining("--from and --to go together");
        assertThatThrownBy(() -> ScopeArguments.parse(Map.of("from", "2026-11-20T14", "to", "2026-11-20T14"), Set.of()))
                .hasMessageContaining("must end after it starts");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run(Map.of(), "run", "--lake", "/l", "--hours", "x")).isEqualTo(AnalyticsCli.USAGE);
        assertThat(err()).contains("unknown option --hours").contains("usage:");
        assertThat(run(Map.of(), "run")).isEqualTo(AnalyticsCli.USAGE);
        assertThat(err()).contains("--lake (or TICKLAKE_LAKE) is required");
        assertThat(run(Map.of(), "compile")).isEqualTo(AnalyticsCli.USAGE);
        assertThat(err()).contains("unknown command 'compile'");
        assertThat(run(Map.of(), "run", "--lake", "s3://bucket/lake", "--changed")).isEqualTo(AnalyticsCli.USAGE);
        assertThat(err()).contains("--catalog-type/--catalog-uri").contains("needs catalog-uri");
    }

    @Test
    void aLakeWithoutTheTableIsNothingToBuild(@TempDir Path lake) {
        assertThat(run(Map.of("TICKLAKE_LAKE", lake.toString()), "run", "--full")).isEqualTo(AnalyticsCli.OK);
        assertThat(err()).contains("nothing to build: ticklake.ticks has no data yet");
        assertThat(run(Map.of("TICKLAKE_LAKE", lake.toString()), "run", "--changed", "--catalog.jdbc.busy_timeout",
                "1000")).isEqualTo(AnalyticsCli.OK);
    }

    @Test
    void helpListsEveryOptionWithItsEnvironmentVariable() {
        assertThat(run(Map.of(), "--help")).isEqualTo(AnalyticsCli.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--s3-endpoint").contains("TICKLAKE_S3_ENDPOINT")
                .contains("--extension-dir").contains("--models-dir").contains("--catalog-uri").contains("TICKLAKE_CATALOG_URI")
                .contains("--changed");
    }
}
