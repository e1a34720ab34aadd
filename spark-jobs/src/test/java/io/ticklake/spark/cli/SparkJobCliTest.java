package io.ticklake.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SparkJobCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void parsesBothOptionSpellingsAndSparkSettings() {
        CommandLine command = CommandLine.parse(List.of("compact", "--lake", "file:///l", "--hour=2026-11-20T14",
                "--conf", "spark.sql.shuffle.partitions=4"));
        assertThat(command.job()).isEqualTo("compact");
        assertThat(command.options()).containsExactlyInAnyOrderEntriesOf(Map.of("lake", "file:///l",
                "hour", "2026-11-20T14"));
        assertThat(command.sparkConf()).containsExactly(Map.entry("spark.sql.shuffle.partitions", "4"));
        assertThatThrownBy(() -> CommandLine.parse(List.of("compact", "--lake"))).hasMessageContaining("--lake");
        assertThatThrownBy(() -> CommandLine.parse(List.of("compact", "--conf", "x=1"))).hasMessageContaining("spark.");
    }

    @Test
    void rejectsABadOptionBeforeStartingSpark() {
        int code = run("compact", "--lake", "file:///l", "--target-size", "1MB");
        assertThat(code).isEqualTo(SparkJobCli.USAGE);
        assertThat(err()).contains("Option 'target-size'");
        // catalog pass-through properties are accepted: only the bad option is named
        assertThat(run("compact", "--lake", "file:///l", "--catalog.token", "t", "--on-bad-file", "ignore"))
                .isEqualTo(SparkJobCli.USAGE);
        assertThat(err()).contains("Option 'on-bad-file'").doesNotContain("catalog.token");
        assertThat(run("compress", "--lake", "file:///l")).isEqualTo(SparkJobCli.USAGE);
        assertThat(err()).contains("unknown job 'compress'");
    }

    @Test
    void aSwitchNeedsNoValue() {
        CommandLine command = CommandLine.parse(List.of("maintain", "--force", "--lake", "file:///l"),
                job -> java.util.Set.of("force"));
        assertThat(command.options()).containsEntry("force", "true").containsEntry("lake", "file:///l");
        assertThat(CommandLine.parse(List.of("maintain", "--lake", "file:///l", "--force"), job -> java.util.Set.of("force"))
                .options()).containsEntry("force", "true");
        assertThat(CommandLine.parse(List.of("maintain", "--force", "false"), job -> java.util.Set.of("force"))
                .options()).containsEntry("force", "false");
        // without being a switch, a key still needs its value
        assertThatThrownBy(() -> CommandLine.parse(List.of("maintain", "--force"))).hasMessageContaining("--force");
    }

    @Test
    void maintenanceRetentionGuardsFailBeforeStartingSpark() {
        assertThat(run("maintain", "--lake", "file:///l", "--expire-older-than", "10m")).isEqualTo(SparkJobCli.USAGE);
        assertThat(err()).contains("Option 'expire-older-than'").contains("--force");
        assertThat(run("maintain", "--lake", "file:///l", "--orphan-older-than", "5m", "--expire-older-than", "2h"))
                .isEqualTo(SparkJobCli.USAGE);
        assertThat(err()).contains("Option 'orphan-older-than'");
        assertThat(run("maintain", "--lake", "file:///l", "--small-file-threshold", "none")).isEqualTo(SparkJobCli.USAGE);
        assertThat(err()).contains("Option 'small-file-threshold'");
    }

    @Test
    void maintenanceHelpListsItsOptions() {
        assertThat(run("maintain", "--help")).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).contains("--expire-older-than").contains("(default 24h)").contains("--retain-last")
                .contains("--orphan-older-than").contains("(default 72h)").contains("--small-file-threshold")
                .contains("--target-file-size").contains("--force").contains("--catalog-uri");
        assertThat(SparkJobCli.usage()).contains("maintain");
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        assertThat(run("backfill", "--help")).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).contains("--bootstrap-servers").contains("(required)").contains("--trigger")
                .contains("(default available-now)").contains("--kafka.<key>");
    }

    private int run(String... args) {
        return SparkJobCli.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
