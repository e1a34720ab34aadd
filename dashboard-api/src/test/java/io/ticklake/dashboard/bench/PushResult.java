package io.ticklake.dashboard.bench;

/** What the WebSocket client saw: updates, frames, drops, and the tick-to-frame latency percentiles. */
record PushResult(double producedPerSecond, long updates, long frames, long dropped, double p50Ms, double p99Ms,
                  double maxMs) {
}
