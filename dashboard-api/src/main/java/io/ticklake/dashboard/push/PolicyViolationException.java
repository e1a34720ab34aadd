package io.ticklake.dashboard.push;

/** A client broke one of the session's limits: the session is closed with 1008 and this message as the reason. */
final class PolicyViolationException extends RuntimeException {

    PolicyViolationException(String message) {
        super(message);
    }
}
