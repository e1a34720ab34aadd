package io.ticklake.streams.kpi;

/**
 * The mergeable aggregate of the ticks of one symbol in one window: what every KPI is computed from.
 * The 1-minute window store holds one per symbol and minute; rollups and moving averages merge them.
 *
 * <p>The price spread is kept as {@code m2}, the sum of squared deviations from the mean, merged with
 * Chan et al.'s parallel formula (Welford's update for one tick): it gives the same population
 * standard deviation as {@code sqrt(sum(p^2)/n - mean^2)} without that formula's cancellation when
 * prices are large and close together.
 *
 * <p>Open and close are ordered by (event time, sequence); on a tie the tick seen first stays the
 * open and the tick seen last becomes the close, which is partition (offset) order.
 *
 * <p>Mutable on purpose: the aggregator updates the instance it was handed (the store has already
 * serialized the previous value), so the hot path allocates nothing per tick.
 */
public final class Candle {

    long count;
    double sumPrice;
    double m2;
    double sumPriceVolume;
    long volume;
    double high;
    double low;
    double open;
    long openTime;
    long openSequence;
    double close;
    long closeTime;
    long closeSequence;

    /** An aggregate of no ticks; {@link #isEmpty()} until the first tick is added. */
    public static Candle empty() {
        return new Candle();
    }

    /** Adds one trade; returns this candle. */
    public Candle add(double price, long tradeVolume, long eventTime, long sequence) {
        if (count == 0) {
            high = price;
            low = price;
            open = price;
            openTime = eventTime;
            openSequence = sequence;
            close = price;
            closeTime = eventTime;
            closeSequence = sequence;
        } else {
            high = Math.max(high, price);
            low = Math.min(low, price);
            if (before(eventTime, sequence, openTime, openSequence)) {
                open = price;
                openTime = eventTime;
                openSequence = sequence;
            }
            if (!before(eventTime, sequence, closeTime, closeSequence)) {
                close = price;
                closeTime = eventTime;
                closeSequence = sequence;
            }
        }
        double delta = price - mean();
        m2 += delta * delta * count / (count + 1);
        count++;
        sumPrice += price;
        sumPriceVolume += price * tradeVolume;
        volume += tradeVolume;
        return this;
    }

    /** Merges {@code other} (ticks of the same symbol, usually a later window) into this candle; returns this. */
    public Candle merge(Candle other) {
        if (other.count == 0) {
            return this;
        }
        if (count == 0) {
            copyFrom(other);
            return this;
        }
        double delta = other.mean() - mean();
        long total = count + other.count;
        m2 = m2 + other.m2 + delta * delta * ((double) count * other.count / total);
        count = total;
        sumPrice += other.sumPrice;
        sumPriceVolume += other.sumPriceVolume;
        volume += other.volume;
        high = Math.max(high, other.high);
        low = Math.min(low, other.low);
        if (before(other.openTime, other.openSequence, openTime, openSequence)) {
            open = other.open;
            openTime = other.openTime;
            openSequence = other.openSequence;
        }
        if (!before(other.closeTime, other.closeSequence, closeTime, closeSequence)) {
            close = other.close;
            closeTime = other.closeTime;
            closeSequence = other.closeSequence;
        }
        return this;
    }

    private static boolean before(long time, long sequence, long otherTime, long otherSequence) {
        return time < otherTime || (time == otherTime && sequence < otherSequence);
    }

    private void copyFrom(Candle other) {
        count = other.count;
        sumPrice = other.sumPrice;
        m2 = other.m2;
        sumPriceVolume = other.sumPriceVolume;
        volume = other.volume;
        high = other.high;
        low = other.low;
        open = other.open;
        openTime = other.openTime;
        openSequence = other.openSequence;
        close = other.close;
        closeTime = other.closeTime;
        closeSequence = other.closeSequence;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public long count() {
        return count;
    }

    public double sumPrice() {
        return sumPrice;
    }

    /** Arithmetic mean of the prices: sum(price) / count. */
    public double mean() {
        return count == 0 ? 0.0 : sumPrice / count;
    }

    /** sum(price * volume) / sum(volume), or the mean price when the volume is 0. */
    public double vwap() {
        return volume == 0 ? mean() : sumPriceVolume / volume;
    }

    /** Population standard deviation of the prices. */
    public double stddev() {
        return count == 0 ? 0.0 : Math.sqrt(Math.max(0.0, m2 / count));
    }

    public long volume() {
        return volume;
    }

    public double high() {
        return high;
    }

    public double low() {
        return low;
    }

    public double open() {
        return open;
    }

    public double close() {
        return close;
    }

    /** Event time of the latest tick, which is the close's. */
    public long lastEventTime() {
        return closeTime;
    }

    @Override
    public String toString() {
        return "Candle{count=" + count + ", open=" + open + ", high=" + high + ", low=" + low + ", close=" + close
                + ", mean=" + mean() + ", vwap=" + vwap() + ", volume=" + volume + ", stddev=" + stddev()
                + ", lastEventTime=" + closeTime + "}";
    }
}
