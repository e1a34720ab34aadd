package io.ticklake.streams.live;

/**
 * Where the topology reports, ahead of the exactly-once commit, what the provisional push needs: the 1-minute
 * windows that took a tick ({@link ChangedMinutes}) and the alerts forwarded ({@link ProvisionalAlerts}). Objects
 * of the hosting process, handed to the topology when it is built; both record nothing until a listener wants
 * them.
 */
public record LiveTaps(ChangedMinutes minutes, ProvisionalAlerts alerts) {

    /** Taps nobody listens to: a topology run without a host. */
    public static LiveTaps none() {
        return new LiveTaps(new ChangedMinutes(1), new ProvisionalAlerts(1));
    }
}
