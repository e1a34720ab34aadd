package io.ticklake.simulator.replay;

import io.ticklake.schemas.StockTick;
import io.ticklake.simulator.tick.SourceNames;
import io.ticklake.simulator.tick.TickSource;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Replays a {@link ReplayFile}: bars become short trade paths ({@link BarTickExpander}), recorded ticks
 * pass as they are, and everything comes out in event-time order across symbols (a bar's trades
 * interleave with other symbols' trades of the same period). Sequence numbers count per symbol in
 * that order unless the file carries its own. With a speed factor, event times are re-based so the
 * first tick happens now and the rest follow at {@code 1/speed} of their original spacing.
 */
public final class ReplaySource implements TickSource {

    private final List<ReplayEvent> events;
    private final ReplaySettings settings;
    private final BarTickExpander expander;
    private final Clock clock;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>();
    private final Map<String, Long> nextSequence = new HashMap<>();
    private final long skippedLines;
    private int nextEvent;
    private long order;
    private final long originMillis;
    private long rebasedStartMillis = Long.MIN_VALUE;
    private long emitted;

    public ReplaySource(ReplayFile file, ReplaySettings settings, Clock clock) {
        this.events = file.events();
        this.settings = settings;
        this.expander = new BarTickExpander(settings.ticksPerBar());
        this.clock = clock;
        this.skippedLines = file.skippedLines();
        this.originMillis = events.isEmpty() ? 0 : events.get(0).time().toEpochMilli();
    }

    @Override
    public Optional<StockTick> next() {
        while (nextEvent < events.size()
                && (pending.isEmpty() || !events.get(nextEvent).time().isAfter(pending.peek().time))) {
            enqueue(events.get(nextEvent++));
        }
        Pending next = pending.poll();
        if (next == null) {
            return Optional.empty();
        }
        emitted++;
        return Optional.of(toTick(next));
    }

    private void enqueue(ReplayEvent event) {
        if (event instanceof Bar bar) {
            for (BarTickExpander.TickPoint point : expander.expand(bar)) {
                pending.add(new Pending(point.time(), order++, bar.symbol(), point.price(), point.volume(), null,
                        null, null));
            }
        } else if (event instanceof RecordedTick tick) {
            pending.add(new Pending(tick.time(), order++, tick.symbol(), tick.price(), tick.volume(), tick.bid(),
                    tick.ask(), tick.sequence()));
        }
    }

    private StockTick toTick(Pending p) {
        long sequence = p.sequence != null ? p.sequence
                : nextSequence.merge(p.symbol, settings.firstSequence(), (previous, one) -> previous + 1);
        return StockTick.newBuilder()
                .setSymbol(p.symbol)
                .setPrice(p.price)
                .setVolume(p.volume)
                .setBid(p.bid)
                .setAsk(p.ask)
                .setEventTime(eventTime(p.time))
                .setSequence(sequence)
                .setSource(SourceNames.REPLAY)
                .build();
    }

    private Instant eventTime(Instant original) {
        if (!settings.rebased()) {
            return original;
        }
        if (rebasedStartMillis == Long.MIN_VALUE) {
            // The replay's clock starts with its first tick, not when the file was read.
            rebasedStartMillis = clock.millis();
        }
        long offset = (long) ((original.toEpochMilli() - originMillis) / settings.speed());
        return Instant.ofEpochMilli(rebasedStartMillis + offset);
    }

    @Override
    public String name() {
        return SourceNames.REPLAY;
    }

    @Override
    public boolean eventTimeIsWallClock() {
        return settings.rebased();
    }

    @Override
    public Map<String, Long> counters() {
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("bad_lines_skipped", skippedLines);
        counters.put("replay_ticks", emitted);
        return counters;
    }

    /** A trade waiting for its turn; ordered by time, then by when it was read. */
    private record Pending(Instant time, long order, String symbol, double price, long volume, Double bid, Double ask,
                           Long sequence) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending other) {
            int byTime = time.compareTo(other.time);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
