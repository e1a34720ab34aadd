package io.ticklake.bench.peers;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The machine's 1-minute load average, sampled every second on a daemon thread, so every figure can be
 * reported next to how busy the machine was while it was measured (the machine is shared).
 */
final class LoadSampler {

    private final List<Double> samples = new ArrayList<>();

    LoadSampler() {
        Thread thread = new Thread(this::run, "load-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** A position to measure from. */
    synchronized int mark() {
        return samples.size();
    }

    /** Median load average since {@code mark} (the current value when no sample was taken since). */
    synchronized double medianSince(int mark) {
        List<Double> since = new ArrayList<>(samples.subList(Math.min(mark, samples.size()), samples.size()));
        if (since.isEmpty()) {
            return now();
        }
        return Stats.median(since.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private void run() {
        while (true) {
            synchronized (this) {
                samples.add(now());
            }
            try {
                Thread.sleep(1000); // a sampling period, not a synchronization
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static double now() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
