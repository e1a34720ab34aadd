package io.ticklake.dashboard.bench;

/** What wrk measured: requests, failed requests, and latency percentiles. */
record WrkResult(int connections, long requests, long errors, double seconds, double p50Ms, double p99Ms,
                 double maxMs) {

    double requestsPerSecond() {
        return requests / seconds;
    }
}
