package io.ticklake.schemas.registry;

import java.util.List;

/** The registry's answer to a compatibility test, with its reasons when it says no. */
public record CompatibilityResult(boolean compatible, List<String> messages) {

    public CompatibilityResult {
        messages = List.copyOf(messages);
    }

    public static CompatibilityResult ok() {
        return new CompatibilityResult(true, List.of());
    }
}
