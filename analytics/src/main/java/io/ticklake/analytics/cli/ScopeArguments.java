package io.ticklake.analytics.cli;

import io.ticklake.analytics.run.BuildScope;
import io.ticklake.analytics.time.TimeArguments;
import java.util.Map;
import java.util.Set;

/** Turns {@code --hour}, {@code --day}, {@code --from/--to}, {@code --changed} or {@code --full} into a build scope. */
final class ScopeArguments {

    private ScopeArguments() {
    }

    static BuildScope parse(Map<String, String> options, Set<String> flags) throws UsageException {
        int given = (options.containsKey("hour") ? 1 : 0) + (options.containsKey("day") ? 1 : 0)
                + (options.containsKey("from") || options.containsKey("to") ? 1 : 0) + (flags.contains("full") ? 1 : 0)
                + (flags.contains("changed") ? 1 : 0);
        if (given > 1) {
            throw new UsageException("give only one of --hour, --day, --from/--to, --changed and --full");
        }
        try {
            if (options.containsKey("hour")) {
                return BuildScope.hour(TimeArguments.parseHour(options.get("hour")));
            }
            if (options.containsKey("day")) {
                return BuildScope.day(TimeArguments.parseDay(options.get("day")));
            }
            if (options.containsKey("from") || options.containsKey("to")) {
                if (!options.containsKey("from") || !options.containsKey("to")) {
                    throw new UsageException("--from and --to go together (hours, --to exclusive)");
                }
                return BuildScope.hours(TimeArguments.parseHour(options.get("from")),
                        TimeArguments.parseHour(options.get("to")));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return flags.contains("changed") ? BuildScope.changed() : BuildScope.full();
    }
}
