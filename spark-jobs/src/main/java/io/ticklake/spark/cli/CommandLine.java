package io.ticklake.spark.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The launcher's arguments: {@code <job> [--key value | --key=value]... [--conf spark.k=v]...}. Every
 * {@code --key} becomes a job option of the same name (the job validates them); {@code --conf} sets Spark.
 * A job's switches ({@code --force}) may stand alone: then their value is {@code true}.
 */
record CommandLine(String job, Map<String, String> options, Map<String, String> sparkConf, boolean help) {

    static CommandLine parse(List<String> args) {
        return parse(args, job -> Set.of());
    }

    /** @param flagsOfJob the names of a job's switches, which need no value */
    static CommandLine parse(List<String> args, Function<String, Set<String>> flagsOfJob) {
        if (args.isEmpty()) {
            throw new UsageException("no job given");
        }
        String job = args.get(0);
        Set<String> flags = flagsOfJob.apply(job);
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> spark = new LinkedHashMap<>();
        boolean help = false;
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument '" + arg + "': options are --key value or --key=value");
            }
            String key;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                key = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else {
                key = arg.substring(2);
                if (flags.contains(key) && (i + 1 >= args.size() || args.get(i + 1).startsWith("--"))) {
                    options.put(key, "true");
                    continue;
                }
                if (i + 1 >= args.size()) {
                    throw new UsageException("option --" + key + " has no value");
                }
                value = args.get(++i);
            }
            if (key.equals("conf")) {
                int sep = value.indexOf('=');
                if (sep <= 0 || !value.startsWith("spark.")) {
                    throw new UsageException("--conf takes spark.key=value, not '" + value + "'");
                }
                spark.put(value.substring(0, sep), value.substring(sep + 1));
            } else {
                options.put(key, value);
            }
        }
        return new CommandLine(job, options, spark, help);
    }
}
