package io.ticklake.bench.peers;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The peer benchmark's command line: {@code key=value} pairs, checked against the known keys before
 * anything starts (an unknown key or a bad number fails naming the key). Keys starting with {@code spark.}
 * go to the Spark session, keys starting with {@code streams-app.} to the Kafka Streams application.
 */
final class PeerOptions {

    private static final Map<String, String[]> KNOWN = new LinkedHashMap<>();

    static {
        known("peers", "kpis,landing", "which peer comparisons to run");
        known("runs", "1", "rounds per measurement (engines take turns; medians are reported)");
        known("bootstrap", "", "Kafka bootstrap servers of a running platform (default: a local platform of its own)");
        known("registry", "", "schema registry URL of a running platform (with bootstrap)");
        known("connect", "", "Connect REST URL of a running platform (landing; its plugin path must hold the sink)");
        known("out", "", "also write the results as benchmark rows (JSON lines) to this file");
        known("work-dir", "", "directory for lakes, checkpoints and logs (default: a temporary one, deleted)");
        known("heap", "2g", "heap of every engine JVM the harness starts (the streams app, each Spark job)");
        known("jvm-options", "-XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Dsun.net.httpserver.nodelay=true",
                "JVM options of every engine JVM the harness starts (space-separated)");
        known("kpi.engines", "streams,streams-shipped,spark", "windowed-KPI engines: streams (our app, 1m windows as"
                + " the peer), streams-shipped (our app, 1m+5m+15m+1h; throughput only), spark (Structured Streaming)");
        known("kpi.ticks", "2000000", "backlog size of the throughput run");
        known("kpi.symbols", "100", "symbols of both runs");
        known("kpi.partitions", "6", "partitions of the topics");
        known("kpi.rate", "10000", "offered rate of the latency run, ticks/s");
        known("kpi.seconds", "30", "measured seconds of the latency run");
        known("kpi.warmup-seconds", "30", "live ticks after the first output, before the latency measurement starts");
        known("kpi.spark-trigger-ms", "100", "Spark micro-batch interval of the latency run, ms");
        known("kpi.spark-watermark", "10 seconds", "Spark watermark delay (the streams app's grace is 10 s)");
        known("kpi.spark-max-offsets-per-trigger", "", "cap per micro-batch of the throughput run (default: none)");
        known("kpi.streams-classpath", "", "classpath of streams-app, or @file holding it (required for streams)");
        known("kpi.streams-threads", "1", "num.stream.threads of the Kafka Streams application");
        known("landing.engines", "connect,spark,backfill",
                "landing engines: connect (our sink), spark (file sink), backfill (spark-jobs backfill)");
        known("landing.rate", "1000", "ticks per second of event time in the landing topic");
        known("landing.hours", "1", "hours of event time in the landing topic");
        known("landing.symbols", "50", "symbols in the landing topic");
        known("landing.partitions", "6", "partitions of the landing topic");
        known("landing.trigger-seconds", "30", "trigger interval a Spark landing is run as (offsets per batch = rate x it)");
        known("landing.catch-up", "true", "also run each Spark landing uncapped (its best catch-up rate)");
        known("landing.connect-tasks", "2", "tasks.max of the sink connector (Spark local[*] has one task per core)");
        known("landing.flush-size", "50000", "flush.size of the sink connector (its default)");
    }

    private final Map<String, String> values;
    private final Map<String, String> sparkConf;
    private final Map<String, String> streamsConf;

    private PeerOptions(Map<String, String> values, Map<String, String> sparkConf, Map<String, String> streamsConf) {
        this.values = values;
        this.sparkConf = sparkConf;
        this.streamsConf = streamsConf;
    }

    private static void known(String key, String defaultValue, String doc) {
        KNOWN.put(key, new String[] {defaultValue, doc});
    }

    /** @throws IllegalArgumentException naming the first bad argument */
    static PeerOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> spark = new HashMap<>();
        Map<String, String> streams = new HashMap<>();
        KNOWN.forEach((key, spec) -> values.put(key, spec[0]));
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("argument '" + arg + "' is not key=value; keys:\n" + usage());
            }
            String key = arg.substring(0, equals).trim();
            String value = arg.substring(equals + 1).trim();
            if (key.startsWith("spark.")) {
                spark.put(key, value);
            } else if (key.startsWith("streams-app.")) {
                streams.put(key.substring("streams-app.".length()), value);
            } else if (KNOWN.containsKey(key)) {
                values.put(key, value);
            } else {
                throw new IllegalArgumentException("unknown option '" + key + "'; keys:\n" + usage());
            }
        }
        PeerOptions options = new PeerOptions(values, spark, streams);
        KNOWN.forEach((key, spec) -> {
            if (spec[0].matches("\\d+") && !options.get(key).isEmpty()) {
                options.longValue(key);
            }
        });
        return options;
    }

    static String usage() {
        return KNOWN.entrySet().stream().map(e -> String.format(Locale.ROOT, "  %-36s %s (default: %s)",
                e.getKey(), e.getValue()[1], e.getValue()[0].isEmpty() ? "-" : e.getValue()[0]))
                .collect(Collectors.joining("\n"))
                + "\n  spark.<key>=<value>                  Spark setting of the session"
                + "\n  streams-app.<key>=<value>            setting of the Kafka Streams application";
    }

    String get(String key) {
        if (!KNOWN.containsKey(key)) {
            throw new IllegalStateException("no option " + key);
        }
        return values.get(key);
    }

    boolean has(String key) {
        return !get(key).isEmpty();
    }

    long longValue(String key) {
        try {
            long value = Long.parseLong(get(key).replace("_", ""));
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + key + "': '" + get(key) + "' is not a number >= 0");
        }
    }

    int intValue(String key) {
        return Math.toIntExact(longValue(key));
    }

    boolean booleanValue(String key) {
        return Boolean.parseBoolean(get(key));
    }

    /** A comma-separated option as a list, checked against the allowed values. */
    List<String> list(String key, String... allowed) {
        List<String> items = Arrays.stream(get(key).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String item : items) {
            if (!Arrays.asList(allowed).contains(item)) {
                throw new IllegalArgumentException("option '" + key + "': '" + item + "' is not one of "
                        + String.join(", ", allowed));
            }
        }
        return items;
    }

    Map<String, String> sparkConf() {
        return Map.copyOf(sparkConf);
    }

    Map<String, String> streamsConf() {
        return Map.copyOf(streamsConf);
    }

    /** The options as given, for the report's header. */
    String describe() {
        return values.entrySet().stream().filter(e -> !e.getValue().equals(KNOWN.get(e.getKey())[0])
                        && !e.getKey().equals("kpi.streams-classpath"))
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(" "));
    }
}
