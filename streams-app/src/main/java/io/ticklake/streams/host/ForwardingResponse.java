package io.ticklake.streams.host;

import java.util.OptionalLong;

/**
 * An answer of the {@link ForwardingEndpoint}, free of any web framework: the HTTP status, the JSON
 * body, and for a 503 the {@code Retry-After} header in whole seconds.
 */
public record ForwardingResponse(int status, String body, OptionalLong retryAfterSeconds) {

    /** The body's media type. */
    public static final String CONTENT_TYPE = "application/json";

    static ForwardingResponse of(int status, String body) {
        return new ForwardingResponse(status, body, OptionalLong.empty());
    }
}
