package io.ticklake.dashboard.bench;

import java.nio.file.Path;

/**
 * The benchmark's command line: {@code --ticks-per-second n --push-seconds s --warmup-seconds s
 * --rest-rate r --rest-seconds s --symbols n --heap 1g --jar path}.
 */
record BenchOptions(int ticksPerSecond, int pushSeconds, int warmupSeconds, int restRate, int restSeconds,
                    int symbols, String heap, Path jar) {

    static BenchOptions parse(String[] args) {
        int ticksPerSecond = 10_000;
        int pushSeconds = 40;
        int warmupSeconds = 10;
        int restRate = 1_000;
        int restSeconds = 30;
        int symbols = 50;
        String heap = "1g";
        Path jar = Path.of("target", "dashboard-api.jar");
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.isBlank()) {
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--ticks-per-second" -> ticksPerSecond = Integer.parseInt(value);
                case "--push-seconds" -> pushSeconds = Integer.parseInt(value);
                case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(value);
                case "--rest-rate" -> restRate = Integer.parseInt(value);
                case "--rest-seconds" -> restSeconds = Integer.parseInt(value);
                case "--symbols" -> symbols = Integer.parseInt(value);
                case "--heap" -> heap = value;
                case "--jar" -> jar = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "; options: --ticks-per-second,"
                        + " --push-seconds, --warmup-seconds, --rest-rate, --rest-seconds, --symbols, --heap, --jar");
            }
        }
        if (warmupSeconds >= pushSeconds) {
            throw new IllegalArgumentException("--warmup-seconds must be below --push-seconds");
        }
        return new BenchOptions(ticksPerSecond, pushSeconds, warmupSeconds, restRate, restSeconds, symbols, heap, jar);
    }
}
