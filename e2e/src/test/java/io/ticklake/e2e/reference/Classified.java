package io.ticklake.e2e.reference;

import io.ticklake.e2e.kafka.TickRecord;

/** An input record with the verdict the streams app must reach, and why. */
public record Classified(TickRecord record, Verdict verdict, String reason) {
}
