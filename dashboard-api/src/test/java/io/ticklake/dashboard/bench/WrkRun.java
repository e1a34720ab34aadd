package io.ticklake.dashboard.bench;

import io.ticklake.dashboard.testing.TestCredentials;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Load from a second process: {@code wrk} (Debian's package) requests {@code GET /api/kpis/{symbol}}
 * over the symbols in turn; each connection waits {@code delay()} between requests so that all of them
 * together offer about {@code rate} requests/s (the table shows the rate achieved); a Lua {@code done()}
 * prints the latency percentiles.
 */
final class WrkRun {

    static final int CONNECTIONS = 10;
    private static final Pattern RESULT = Pattern.compile("TICKLAKE requests=(\\d+) errors=(\\d+) duration_us=(\\d+)"
            + " p50_us=(\\d+) p99_us=(\\d+) max_us=(\\d+)");

    private final URI base;
    private final List<String> symbols;
    private final int rate;
    private final int seconds;

    WrkRun(URI base, List<String> symbols, int rate, int seconds) {
        this.base = base;
        this.symbols = symbols;
        this.rate = rate;
        this.seconds = seconds;
    }

    WrkResult run() throws IOException, InterruptedException {
        Path script = Files.createTempFile("ticklake-wrk-", ".lua");
        try {
            Files.writeString(script, script(), StandardCharsets.UTF_8);
            System.err.println("REST warm-up (5 s)");
            wrk(script, 5);
            System.err.printf("REST load: ~%d req/s for %d s%n", rate, seconds);
            return wrk(script, seconds);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private WrkResult wrk(Path script, int duration) throws IOException, InterruptedException {
        Process wrk;
        try {
            wrk = new ProcessBuilder("wrk", "-t2", "-c" + CONNECTIONS, "-d" + duration + "s", "--latency",
                    "-s", script.toString(), base.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("wrk is needed for the REST load: apt-get install -y wrk", e);
        }
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed (install it: apt-get install -y wrk):\n" + output);
        }
        Matcher matcher = RESULT.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("no result line in wrk's output:\n" + output);
        }
        return new WrkResult(CONNECTIONS, Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
                Long.parseLong(matcher.group(3)) / 1e6, Long.parseLong(matcher.group(4)) / 1e3,
                Long.parseLong(matcher.group(5)) / 1e3, Long.parseLong(matcher.group(6)) / 1e3);
    }

    private String script() {
        // each connection waits between a response and its next request; the ~1 ms of the response itself is
        // taken off so that the connections together offer about the rate asked for
        long delayMs = Math.max(0, Math.round(CONNECTIONS * 1000.0 / rate) - 1);
        return "local symbols = {" + symbols.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", "))
                + "}\n"
                + "local n = 0\n"
                + "request = function()\n"
                + "  n = n + 1\n"
                + "  return wrk.format(\"GET\", \"/api/kpis/\" .. symbols[(n % #symbols) + 1],"
                + " {[\"Authorization\"] = \"Bearer " + TestCredentials.VIEWER_TOKEN + "\"})\n"
                + "end\n"
                + "delay = function() return " + delayMs + " end\n"
                + "done = function(summary, latency, requests)\n"
                + "  local e = summary.errors\n"
                + "  io.write(string.format(\"TICKLAKE requests=%d errors=%d duration_us=%d p50_us=%d p99_us=%d"
                + " max_us=%d\\n\", summary.requests, e.connect + e.read + e.write + e.status + e.timeout,"
                + " summary.duration, latency:percentile(50), latency:percentile(99), latency.max))\n"
                + "end\n";
    }
}
