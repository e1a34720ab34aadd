package io.ticklake.simulator.market;

import io.ticklake.schemas.StockTick;
import io.ticklake.simulator.tick.SourceNames;
import io.ticklake.simulator.tick.TickSource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The simulated market: an endless, deterministic stream of trades. Tick times come from an
 * {@link ArrivalProcess} (bursts and quiet spells around the configured rate); each tick goes to a
 * symbol picked by activity, whose GBM price is advanced by the time since its own last trade. The
 * trade price is the mid rounded to the cent; bid and ask sit around it at the symbol's spread.
 * One random source drives all of it, so a seed fixes every tick.
 */
public final class MarketSimulator implements TickSource {

    /** A trading year: 252 days of 6.5 hours, the unit the profiles' drift and volatility are quoted in. */
    public static final double TRADING_SECONDS_PER_YEAR = 252 * 6.5 * 3600;
    private static final double CENT = 0.01;

    private final SimulationSettings settings;
    private final UniformRandomProvider rng;
    private final ArrivalProcess arrivals;
    private final DiscreteSampler symbolPicker;
    private final ContinuousSampler gaussian;
    private final SymbolState[] states;
    private final long startMillis;
    private double clockSeconds;

    public MarketSimulator(SimulationSettings settings) {
        this.settings = settings;
        this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(settings.seed());
        this.arrivals = new ArrivalProcess(rng, settings.ticksPerSecond());
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        List<SymbolProfile> profiles = settings.symbols();
        double[] weights = new double[profiles.size()];
        this.states = new SymbolState[profiles.size()];
        for (int i = 0; i < profiles.size(); i++) {
            SymbolProfile profile = profiles.get(i);
            weights[i] = profile.activity();
            states[i] = new SymbolState(profile, new GbmPriceProcess(profile.initialPrice(), profile.annualDrift(),
                    profile.annualVolatility()), new TradeSizeSampler(rng, profile.minTradeSize()),
                    settings.firstSequence());
        }
        this.symbolPicker = AliasMethodDiscreteSampler.of(rng, weights);
        this.startMillis = settings.start().toEpochMilli();
    }

    @Override
    public Optional<StockTick> next() {
        return Optional.of(nextTick());
    }

    /** The next simulated trade; never ends. */
    public StockTick nextTick() {
        clockSeconds += arrivals.nextGapSeconds();
        SymbolState state = states[symbolPicker.sample()];
        double dtYears = (clockSeconds - state.lastTradeSeconds) / TRADING_SECONDS_PER_YEAR;
        state.lastTradeSeconds = clockSeconds;
        double mid = Math.max(CENT, state.price.step(dtYears, gaussian.sample()));
        // Spreads breathe a little from trade to trade; never narrower than a cent each side after rounding.
        double halfSpread = Math.max(CENT / 2, mid * state.profile.spreadBps() / 20_000 * (0.5 + rng.nextDouble()));
        double price = Math.max(CENT, Math.round(mid * 100) / 100.0);
        double bid = Math.max(CENT, Math.floor((mid - halfSpread) * 100) / 100.0);
        double ask = Math.ceil((mid + halfSpread) * 100) / 100.0;
        // The all-args constructor: Avro's builder validates and copies per field, several times slower.
        return new StockTick(state.profile.symbol(), price, state.sizes.sample(), Math.min(bid, price),
                Math.max(ask, price), Instant.ofEpochMilli(startMillis + (long) (clockSeconds * 1000)),
                state.nextSequence++, SourceNames.SIMULATOR);
    }

    @Override
    public String name() {
        return SourceNames.SIMULATOR;
    }

    @Override
    public boolean eventTimeIsWallClock() {
        return true;
    }

    public SimulationSettings settings() {
        return settings;
    }

    /** The current regime of the arrival process (for progress output and tests). */
    public MarketRegime regime() {
        return arrivals.regime();
    }

    /** Seconds of event time simulated so far. */
    public double elapsedSeconds() {
        return clockSeconds;
    }

    private static final class SymbolState {
        private final SymbolProfile profile;
        private final GbmPriceProcess price;
        private final TradeSizeSampler sizes;
        private long nextSequence;
        private double lastTradeSeconds;

        private SymbolState(SymbolProfile profile, GbmPriceProcess price, TradeSizeSampler sizes, long firstSequence) {
            this.profile = profile;
            this.price = price;
            this.sizes = sizes;
            this.nextSequence = firstSequence;
        }
    }
}
