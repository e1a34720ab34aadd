package io.ticklake.spark.compaction;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises the {@code _v000003} directories of a compacted hour. */
final class VersionDirectories {

    private static final Pattern NAME = Pattern.compile("_v(\\d{6,})");

    private VersionDirectories() {
    }

    static OptionalLong parse(String name) {
        Matcher m = NAME.matcher(name);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }
}
