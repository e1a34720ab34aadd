package io.ticklake.spark.options;

/** An option that is unknown, missing or out of range; the message always names the option. */
public class InvalidOptionException extends IllegalArgumentException {

    private final String option;

    public InvalidOptionException(String option, String problem) {
        super("Option '" + option + "': " + problem);
        this.option = option;
    }

    public String option() {
        return option;
    }
}
