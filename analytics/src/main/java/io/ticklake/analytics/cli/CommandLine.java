package io.ticklake.analytics.cli;

import io.ticklake.analytics.ConfigKey;
import io.ticklake.analytics.quality.QualitySettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parsed command line: a command, options with values ({@code --name value} or {@code --name=value})
 * and flags. Only known options are accepted, so a typo fails instead of being ignored.
 *
 * @param command the first argument ({@code run}, {@code models} or {@code help})
 * @param options option values by name (without dashes)
 * @param flags   flags given
 */
public record CommandLine(String command, Map<String, String> options, Set<String> flags) {

    /** Options of the run's scope, beside the configuration options of {@link ConfigKey}. */
    static final List<String> SCOPE_OPTIONS = List.of("hour", "day", "from", "to");
    static final List<String> FLAGS = List.of("full", "changed", "help");

    public static CommandLine parse(String[] args) throws UsageException {
        if (args.length == 0) {
            return new CommandLine("help", Map.of(), Set.of());
        }
        String command = args[0];
        Map<String, String> options = new LinkedHashMap<>();
        Set<String> flags = new TreeSet<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (FLAGS.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                flags.add(name);
                continue;
            }
            boolean catalogProperty = name.startsWith(ConfigKey.CATALOG_PROPERTY_PREFIX)
                    && name.length() > ConfigKey.CATALOG_PROPERTY_PREFIX.length();
            boolean threshold = QualitySettings.THRESHOLD_OPTION.matcher(name).matches();
            if (!SCOPE_OPTIONS.contains(name) && ConfigKey.forOption(name).isEmpty() && !catalogProperty && !threshold) {
                throw new UsageException("unknown option --" + name + " (allowed: " + String.join(", ", allowed()) + ")");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            if (options.put(name, value) != null) {
                throw new UsageException("--" + name + " is given twice");
            }
        }
        return new CommandLine(command, options, flags);
    }

    private static List<String> allowed() {
        List<String> names = new ArrayList<>();
        for (ConfigKey key : ConfigKey.values()) {
            names.add("--" + key.option());
        }
        names.add("--" + ConfigKey.CATALOG_PROPERTY_PREFIX + "<iceberg-property>");
        names.add("--" + ConfigKey.QUALITY_THRESHOLD_OPTIONS);
        SCOPE_OPTIONS.forEach(o -> names.add("--" + o));
        FLAGS.forEach(f -> names.add("--" + f));
        return names;
    }
}
