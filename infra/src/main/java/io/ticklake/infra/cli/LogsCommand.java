package io.ticklake.infra.cli;

import io.ticklake.infra.Platform;
import io.ticklake.infra.process.LogTail;
import io.ticklake.infra.service.PlatformService;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints (and optionally follows) the end of one service's log or of all of them. */
@Command(name = "logs", description = "Print the last lines of a service's log (kafka, registry, minio, connect), or of every log.")
final class LogsCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    ConfigOptions options;

    @Parameters(arity = "0..1", paramLabel = "SERVICE", description = "kafka, registry, minio or connect (default: all)")
    String serviceName;

    @Option(names = {"-n", "--lines"}, paramLabel = "N", description = "how many lines (default 50)")
    int lines = 50;

    @Option(names = {"-f", "--follow"}, description = "keep printing new lines until interrupted")
    boolean follow;

    LogsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Platform platform = new Platform(options.toConfig(context.environment()));
        List<? extends PlatformService> services = serviceName == null ? platform.services()
                : List.of(platform.service(serviceName).orElseThrow(() -> new IllegalArgumentException(
                        "unknown service '" + serviceName + "'; choose kafka, registry, minio or connect")));
        Map<String, Path> logs = new LinkedHashMap<>();
        for (PlatformService service : services) {
            logs.put(service.name(), service.logFile());
            if (services.size() > 1) {
                context.out().println("==> " + service.logFile() + " <==");
            }
            LogTail.lastLines(service.logFile(), lines).forEach(context.out()::println);
        }
        if (follow) {
            follow(logs);
        }
        return 0;
    }

    /** Polls the files for appended bytes; a service log only grows (it is appended on restart). */
    private void follow(Map<String, Path> logs) throws IOException, InterruptedException {
        Map<String, Long> positions = new LinkedHashMap<>();
        for (Map.Entry<String, Path> log : logs.entrySet()) {
            positions.put(log.getKey(), Files.exists(log.getValue()) ? Files.size(log.getValue()) : 0L);
        }
        while (!Thread.currentThread().isInterrupted()) {
            for (Map.Entry<String, Path> log : logs.entrySet()) {
                Path file = log.getValue();
                long position = positions.get(log.getKey());
                if (!Files.exists(file) || Files.size(file) <= position) {
                    continue;
                }
                try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                    raf.seek(position);
                    byte[] bytes = new byte[(int) Math.min(raf.length() - position, 1 << 20)];
                    raf.readFully(bytes);
                    positions.put(log.getKey(), position + bytes.length);
                    String prefix = logs.size() > 1 ? log.getKey() + " | " : "";
                    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                        context.out().println(prefix + line);
                    }
                }
            }
            Thread.sleep(500);
        }
    }
}
