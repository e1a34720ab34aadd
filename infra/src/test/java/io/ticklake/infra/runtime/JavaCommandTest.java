package io.ticklake.infra.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class JavaCommandTest {

    @Test
    void runsTheLaunchersJavaWithABoundedHeap() {
        var command = new JavaCommand().heap("256m").systemProperty("a", "b").mainClass("x.jar", "com.example.Main")
                .arguments("one").toList();

        assertThat(command.get(0)).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        assertThat(command).containsSubsequence("-Xmx256m", "-Da=b", "-cp", "x.jar", "com.example.Main", "one");
    }
}
