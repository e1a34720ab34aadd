package io.ticklake.spark.options;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A job's options, parsed and checked in one go before the job does anything: unknown keys are rejected,
 * required ones must be present, and every value is parsed by its declaration. Keys starting with one of
 * the pass-through prefixes (e.g. {@code kafka.}) are kept verbatim for the underlying library.
 */
public final class JobOptions {

    private final String job;
    private final Map<String, Object> values;
    private final Map<String, String> passThrough;

    private JobOptions(String job, Map<String, Object> values, Map<String, String> passThrough) {
        this.job = job;
        this.values = values;
        this.passThrough = passThrough;
    }

    /**
     * @param job         named in messages ("compact", "backfill")
     * @param declared    every option the job knows
     * @param prefixes    key prefixes passed through unchecked (may be empty)
     * @param given       the user's options
     */
    public static JobOptions parse(String job, Collection<JobOption<?>> declared, List<String> prefixes,
                                   Map<String, String> given) {
        Map<String, JobOption<?>> byName = new LinkedHashMap<>();
        declared.forEach(o -> byName.put(o.name(), o));
        Map<String, String> passThrough = new TreeMap<>();
        for (Map.Entry<String, String> entry : given.entrySet()) {
            String key = entry.getKey();
            if (entry.getValue() == null) {
                throw new InvalidOptionException(key, "has no value");
            }
            if (byName.containsKey(key)) {
                continue;
            }
            if (prefixes.stream().anyMatch(key::startsWith)) {
                passThrough.put(key, entry.getValue());
                continue;
            }
            throw new InvalidOptionException(key, "unknown option of " + job + "; known options: "
                    + String.join(", ", byName.keySet())
                    + (prefixes.isEmpty() ? "" : ", and keys starting with " + String.join(" or ", prefixes)));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (JobOption<?> option : byName.values()) {
            String text = given.get(option.name());
            if (text == null || text.isBlank()) {
                if (option.isRequired()) {
                    throw new InvalidOptionException(option.name(), "is required for " + job + " (" + option.doc() + ")");
                }
                text = option.defaultText();
            }
            if (text != null) {
                values.put(option.name(), option.parse(text));
            }
        }
        return new JobOptions(job, values, passThrough);
    }

    /** The value of a required option or one with a default. */
    @SuppressWarnings("unchecked")
    public <T> T get(JobOption<T> option) {
        Object value = values.get(option.name());
        if (value == null) {
            throw new IllegalStateException("Option '" + option.name() + "' of " + job + " has no value");
        }
        return (T) value;
    }

    /** The value of an option that may be absent. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> find(JobOption<T> option) {
        return Optional.ofNullable((T) values.get(option.name()));
    }

    /**
     * The option's value when given, else its {@link JobOption#environmentVariable} in {@code environment}
     * parsed like the option (a bad value names the option), else empty. For settings that are not secret
     * and that every component reads from the same variables (endpoints, the catalog).
     */
    public <T> Optional<T> findOrEnvironment(JobOption<T> option, Map<String, String> environment) {
        Optional<T> given = find(option);
        if (given.isPresent()) {
            return given;
        }
        String value = environment.get(option.environmentVariable());
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(option.parse(value));
    }

    public boolean has(JobOption<?> option) {
        return values.containsKey(option.name());
    }

    /** Pass-through keys with the given prefix, the prefix removed. */
    public Map<String, String> withPrefix(String prefix, boolean stripPrefix) {
        return passThrough.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .collect(Collectors.toMap(e -> stripPrefix ? e.getKey().substring(prefix.length()) : e.getKey(),
                        Map.Entry::getValue, (a, b) -> b, TreeMap::new));
    }

    public String job() {
        return job;
    }
}
