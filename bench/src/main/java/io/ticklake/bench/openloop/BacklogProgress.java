package io.ticklake.bench.openloop;

import io.ticklake.infra.bench.Machine;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Prints, every 5 s, the ticks offered so far and how many each way of seeing them has seen, so that a backlog
 * that grows while ticks are offered shows while it grows (and is not discovered in the figures afterwards).
 */
public final class BacklogProgress {

    private BacklogProgress() {
    }

    /** Starts printing to {@code out} until the returned daemon thread is interrupted. */
    public static Thread start(PrintStream out, String prefix, TickLedger ledger, Map<String, Visibility> seenVia) {
        long start = System.nanoTime();
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(5_000);
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s%5.1f s: offered %,d", prefix,
                            (System.nanoTime() - start) / 1e9, ledger.offeredTotal()));
                    seenVia.forEach((way, v) -> line.append(String.format(Locale.ROOT, ", seen via %s %,d", way, v.seen())));
                    out.println(line.append(String.format(Locale.ROOT, " (load %.1f)", Machine.loadAverage())));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "backlog-progress");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
