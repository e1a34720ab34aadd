package io.ticklake.dashboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Every error body: the message, the query or path parameter at fault (400), and the retry hint
 * (503). The {@code error}/{@code retry_after_ms} fields are those of streams-app's forwarding
 * contract, so other instances read this body too.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Error")
public record ApiError(
        String error,
        @Nullable @Schema(description = "the parameter at fault") String parameter,
        @JsonProperty("retry_after_ms") @Nullable Long retryAfterMs) {

    public static ApiError of(String message) {
        return new ApiError(message, null, null);
    }
}
