package io.ticklake.simulator.inject;

/** The kinds of deliberately bad data the test-data mode injects. */
public enum InjectionKind {
    /** The tick's event time is set back by a chosen amount: it arrives after its window. */
    LATE,
    /** The tick is held back and sent after the next tick of its symbol: its sequence and time go backwards. */
    OUT_OF_ORDER,
    /** The tick is sent twice. */
    DUPLICATE,
    /** An extra, contract-breaking copy of the tick is sent (see {@link InvalidTickKind}). */
    INVALID
}
