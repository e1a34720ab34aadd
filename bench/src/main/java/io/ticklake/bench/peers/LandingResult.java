package io.ticklake.bench.peers;

/**
 * One landing run: {@code ticks} landed in {@code seconds} (start → every row durable), at {@code steadyRate}
 * ticks/s in its steady state (without start-up and idle tails), as {@code files} Parquet files in {@code hours}
 * hour partitions, with the machine's load average meanwhile.
 */
record LandingResult(long ticks, double seconds, double steadyRate, int files, int hours, long bytes, double load) {

    double ticksPerSecond() {
        return ticks / seconds;
    }

    double filesPerHour() {
        return (double) files / hours;
    }

    double rowsPerFile() {
        return (double) ticks / files;
    }
}
