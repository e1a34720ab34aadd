package io.ticklake.analytics.model;

import io.ticklake.analytics.time.Grain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a model file: a header of {@code -- key: value} comment lines, then one SELECT.
 *
 * <pre>
 * -- depends_on: stg_ticks
 * -- materialized: parquet        (parquet | table; default parquet)
 * -- grain: hour                  (hour | day; default hour)
 * -- lookback: 1h                 (0, Nm, Nh or Nd; default 0)
 * -- source: raw                  (compacted | raw; default compacted; for models reading no model)
 * -- lookahead: 1h                (0, Nm, Nh or Nd; default 0; for models reading the lake)
 * -- time_column: window_start
 * -- unique_key: symbol, window_start
 * -- not_null: symbol, window_start
 * -- expect: low &lt;= high        (repeatable)
 * -- test: reconciles_with_staging (repeatable)
 * -- threshold: gap_ratio warn=0.001 fail=off (repeatable)
 * </pre>
 *
 * Keys are lower case and followed directly by a colon; other comment lines are free text. An unknown
 * key is an error, so a misspelt dependency or test cannot be silently ignored.
 */
public final class ModelFileParser {

    private static final Pattern DIRECTIVE = Pattern.compile("^--\\s*([a-z_]+):\\s*(.*?)\\s*$");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern LOOKBACK = Pattern.compile("(\\d+)([mhd])");

    private ModelFileParser() {
    }

    public static ModelDefinition parse(String name, String text, String origin) {
        if (!NAME.matcher(name).matches()) {
            throw invalid(origin, "model name '" + name + "' must match " + NAME.pattern());
        }
        List<String> dependsOn = new ArrayList<>();
        Materialization materialization = Materialization.PARQUET;
        Grain grain = Grain.HOUR;
        Duration lookback = Duration.ZERO;
        Source source = Source.COMPACTED;
        Duration lookahead = Duration.ZERO;
        String timeColumn = null;
        List<String> uniqueKey = new ArrayList<>();
        List<String> notNull = new ArrayList<>();
        List<String> expectations = new ArrayList<>();
        List<String> tests = new ArrayList<>();
        List<Threshold> thresholds = new ArrayList<>();

        for (String line : text.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!trimmed.startsWith("--")) {
                break;
            }
            Matcher m = DIRECTIVE.matcher(trimmed);
            if (!m.matches()) {
                continue;
            }
            String key = m.group(1);
            String value = m.group(2);
            try {
                switch (key) {
                    case "depends_on" -> dependsOn.addAll(names(value));
                    case "materialized" -> materialization = Materialization.parse(value);
                    case "grain" -> grain = Grain.parse(value);
                    case "lookback" -> lookback = parseLookback(value);
                    case "source" -> source = Source.parse(value);
                    case "lookahead" -> lookahead = parseLookback(value);
                    case "time_column" -> timeColumn = value;
                    case "unique_key" -> uniqueKey.addAll(names(value));
                    case "not_null" -> notNull.addAll(names(value));
                    case "expect" -> expectations.add(requireText(value));
                    case "test" -> tests.add(requireText(value));
                    case "threshold" -> thresholds.add(Threshold.parse(requireText(value)));
                    default -> throw new IllegalArgumentException("unknown header key '" + key
                            + "' (allowed: depends_on, materialized, grain, lookback, source, lookahead,"
                            + " time_column, unique_key, not_null, expect, test, threshold)");
                }
            } catch (IllegalArgumentException e) {
                throw invalid(origin, e.getMessage());
            }
        }
        if (timeColumn == null || timeColumn.isEmpty()) {
            throw invalid(origin, "the header must declare '-- time_column: <column>'");
        }
        if (materialization == Materialization.PARQUET && uniqueKey.isEmpty()) {
            throw invalid(origin, "a parquet model must declare '-- unique_key: ...' (it is also the output order)");
        }
        if (!dependsOn.isEmpty() && (source != Source.COMPACTED || !lookahead.isZero())) {
            throw invalid(origin, "source and lookahead are for models reading the lake, not other models");
        }
        String sql = stripTrailingSemicolon(text);
        if (sql.isBlank()) {
            throw invalid(origin, "no SQL after the header");
        }
        return new ModelDefinition(name, sql, dependsOn, materialization, grain, lookback, source, lookahead,
                timeColumn, uniqueKey, notNull, expectations, tests, thresholds, origin);
    }

    static Duration parseLookback(String value) {
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = LOOKBACK.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("lookback '" + value + "' must be 0, Nm, Nh or Nd");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    private static List<String> names(String value) {
        List<String> names = new ArrayList<>();
        for (String part : Arrays.asList(value.split(","))) {
            String n = part.trim();
            if (!n.isEmpty()) {
                names.add(n);
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("empty list");
        }
        return names;
    }

    private static String requireText(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty value");
        }
        return value;
    }

    private static String stripTrailingSemicolon(String text) {
        String t = text.strip();
        while (t.endsWith(";")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    private static IllegalArgumentException invalid(String origin, String message) {
        return new IllegalArgumentException(origin + ": " + message);
    }
}
