package io.ticklake.dashboard.bench;

/**
 * What the WebSocket client saw: frames, drops, and the tick-to-frame latency of the provisional and of
 * the confirmed KPI updates.
 */
record PushResult(double producedPerSecond, long frames, long dropped, PushLatency provisional,
                  PushLatency confirmed) {
}
