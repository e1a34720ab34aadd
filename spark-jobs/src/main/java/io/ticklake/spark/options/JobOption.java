package io.ticklake.spark.options;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One declared option of a job: its name, documentation, how its text is parsed and checked, and its
 * default. Parsers throw {@link IllegalArgumentException} with the problem; the option's name is added.
 *
 * @param <T> the parsed type
 */
public final class JobOption<T> {

    private final String name;
    private final String doc;
    private final Function<String, T> parser;
    private final String defaultText;
    private final boolean required;
    private final boolean flag;

    private JobOption(String name, String doc, Function<String, T> parser, String defaultText, boolean required,
                      boolean flag) {
        this.name = Objects.requireNonNull(name);
        this.doc = doc;
        this.parser = parser;
        this.defaultText = defaultText;
        this.required = required;
        this.flag = flag;
    }

    /** An option that must be given. */
    public static <T> JobOption<T> required(String name, Function<String, T> parser, String doc) {
        return new JobOption<>(name, doc, parser, null, true, false);
    }

    /** An option with a default value (given as text, parsed like user input). */
    public static <T> JobOption<T> withDefault(String name, String defaultText, Function<String, T> parser, String doc) {
        return new JobOption<>(name, doc, parser, Objects.requireNonNull(defaultText), false, false);
    }

    /** An option that may be absent. */
    public static <T> JobOption<T> optional(String name, Function<String, T> parser, String doc) {
        return new JobOption<>(name, doc, parser, null, false, false);
    }

    /**
     * A switch, false unless given: on the command line {@code --name} alone means true ({@code --name=false}
     * and {@code --name false} work too).
     */
    public static JobOption<Boolean> flag(String name, String doc) {
        return new JobOption<>(name, doc, Parsers::bool, "false", false, true);
    }

    T parse(String text) {
        try {
            return parser.apply(text.trim());
        } catch (InvalidOptionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidOptionException(name, "'" + text + "' is invalid: " + e.getMessage());
        }
    }

    public String name() {
        return name;
    }

    /** {@code TICKLAKE_<NAME>}: the variable that analytics, Airflow and the launcher use for the same setting. */
    public String environmentVariable() {
        return "TICKLAKE_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public String doc() {
        return doc;
    }

    /** The default as text, or null when there is none. */
    public String defaultText() {
        return defaultText;
    }

    public boolean isRequired() {
        return required;
    }

    /** A switch that the command line accepts without a value. */
    public boolean isFlag() {
        return flag;
    }

    @Override
    public String toString() {
        return name;
    }
}
