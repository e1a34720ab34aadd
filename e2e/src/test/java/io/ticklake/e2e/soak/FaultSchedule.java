package io.ticklake.e2e.soak;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order of the faults: every {@link Fault} once per round, shuffled with a seed per round, so a
 * run is repeatable from its seed (logged with the report).
 */
public final class FaultSchedule {

    private final long seed;
    private final Random random;

    public FaultSchedule(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    public long seed() {
        return seed;
    }

    /** The next round: each fault once, in a seeded order. */
    public List<Fault> nextRound() {
        List<Fault> round = new ArrayList<>(List.of(Fault.values()));
        Collections.shuffle(round, random);
        return round;
    }

    /** A seeded choice among {@code count} targets (which broker, which instance), 0-based. */
    public int pick(int count) {
        return random.nextInt(count);
    }
}
