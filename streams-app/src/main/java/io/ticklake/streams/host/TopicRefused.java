package io.ticklake.streams.host;

/**
 * A topic the instance needs before Kafka Streams starts could not be made, and the brokers answered (no
 * permission, invalid settings): trying again will not help.
 */
final class TopicRefused extends RuntimeException {

    TopicRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
