package io.ticklake.simulator.alphavantage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The Alpha Vantage API key. It only ever leaves this class in the request's query string:
 * {@link #toString()} and {@link #redact} keep it out of logs, messages and summaries (the service
 * itself echoes the key in some rate-limit answers).
 */
public final class ApiKey {

    /** The environment variable the key is read from. */
    public static final String ENVIRONMENT_VARIABLE = "ALPHAVANTAGE_API_KEY";
    private static final String MASK = "***";

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /**
     * The key from {@code variable} of {@code environment}.
     *
     * @throws IllegalArgumentException naming the variable (not its value) when it is unset or blank
     */
    public static ApiKey fromEnvironment(Map<String, String> environment, String variable) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Set the Alpha Vantage API key in the environment variable "
                    + variable + " (it is never read from the command line, which other users can see)");
        }
        return new ApiKey(value.trim());
    }

    public static ApiKey of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the API key is empty");
        }
        return new ApiKey(value.trim());
    }

    /** The key itself, for the request only. */
    String reveal() {
        return value;
    }

    /** {@code text} with every occurrence of the key, as is or URL-encoded, masked. */
    public String redact(String text) {
        return text == null ? null : text.replace(value, MASK)
                .replace(URLEncoder.encode(value, StandardCharsets.UTF_8), MASK);
    }

    @Override
    public String toString() {
        return "ApiKey[" + MASK + "]";
    }
}
