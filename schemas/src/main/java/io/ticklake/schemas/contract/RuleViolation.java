package io.ticklake.schemas.contract;

/**
 * One broken rule of a contract: the Avro field name it concerns (as on the wire, e.g. {@code lookback_windows})
 * and what is wrong with it, so an API can answer "400, field X: message".
 *
 * @param field   the Avro field name
 * @param message what is wrong, naming the allowed values
 */
public record RuleViolation(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
