package io.ticklake.dashboard.push;

import java.util.concurrent.CompletionStage;

/** Where a session's frames go: the WebSocket connection (an interface so the outbox is tested alone). */
public interface FrameSink {

    /** Sends one text frame; the stage completes when it has been written to the connection. */
    CompletionStage<?> send(String frame);

    /** Closes the connection with a close code and reason. */
    void close(int code, String reason);
}
