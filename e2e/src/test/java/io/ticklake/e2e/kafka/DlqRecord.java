package io.ticklake.e2e.kafka;

import java.util.Map;

/**
 * A dead-letter record with its headers as UTF-8 text. The streams app writes {@code dlq.*} headers,
 * the Connect sink's reporter {@code __connect.errors.*} ones; either names the original record.
 */
public record DlqRecord(int partition, long offset, byte[] key, byte[] value, Map<String, String> headers) {

    /** Whether the streams app dead-lettered it (else Connect did). */
    public boolean fromStreams() {
        return headers.containsKey("dlq.error.stage");
    }

    public boolean fromConnect() {
        return headers.containsKey("__connect.errors.topic");
    }

    /** The original record's coordinates, from whichever writer's headers. */
    public Coordinates source() {
        if (fromStreams()) {
            return new Coordinates(headers.get("dlq.source.topic"),
                    Integer.parseInt(headers.get("dlq.source.partition")),
                    Long.parseLong(headers.get("dlq.source.offset")));
        }
        if (fromConnect()) {
            return new Coordinates(headers.get("__connect.errors.topic"),
                    Integer.parseInt(headers.get("__connect.errors.partition")),
                    Long.parseLong(headers.get("__connect.errors.offset")));
        }
        throw new IllegalStateException("DLQ record at " + partition + "@" + offset
                + " has neither dlq.* nor __connect.errors.* headers: " + headers.keySet());
    }

    public String stage() {
        return fromStreams() ? headers.get("dlq.error.stage") : headers.get("__connect.errors.stage");
    }

    public String errorMessage() {
        return fromStreams() ? headers.get("dlq.error.message") : headers.get("__connect.errors.exception.message");
    }

    public String errorClass() {
        return fromStreams() ? headers.get("dlq.error.class") : headers.get("__connect.errors.exception.class.name");
    }
}
