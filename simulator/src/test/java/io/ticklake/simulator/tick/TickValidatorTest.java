package io.ticklake.simulator.tick;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.schemas.StockTick;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TickValidatorTest {

    private static final StockTick VALID = StockTick.newBuilder().setSymbol("BRK.B").setPrice(410.5).setVolume(0)
            .setBid(410.4).setAsk(410.6).setEventTime(Instant.parse("2026-11-20T14:30:00Z")).setSequence(1)
            .setSource(SourceNames.SIMULATOR).build();

    @Test
    void acceptsTheContract() {
        assertThat(TickValidator.violation(VALID)).isEmpty();
        assertThat(TickValidator.isValid(StockTick.newBuilder(VALID).setBid(null).setAsk(null).build())).isTrue();
    }

    @Test
    void theSymbolCheckAgreesWithTheContractsPattern() {
        Random random = new Random(5);
        String alphabet = "ABCXYZ0189.-a_ /";
        for (int i = 0; i < 100_000; i++) {
            StringBuilder symbol = new StringBuilder();
            int length = random.nextInt(15);
            for (int j = 0; j < length; j++) {
                symbol.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = symbol.toString();
            assertThat(TickValidator.isValidSymbol(candidate)).as("'%s'", candidate)
                    .isEqualTo(TickValidator.SYMBOL.matcher(candidate).matches());
        }
        assertThat(TickValidator.isValidSymbol(null)).isFalse();
    }

    @Test
    void namesWhatIsWrong() {
        assertThat(TickValidator.violation(StockTick.newBuilder(VALID).setSymbol("").build()))
                .hasValue("symbol '' does not match [A-Z0-9.\\-]{1,12}");
        assertThat(TickValidator.violation(StockTick.newBuilder(VALID).setSymbol("aapl").build())).isPresent();
        assertThat(TickValidator.violation(StockTick.newBuilder(VALID).setSymbol("ABCDEFGHIJKLM").build())).isPresent();
        assertThat(TickValidator.violation(StockTick.newBuilder(VALID).setPrice(-1).build()))
                .hasValue("price -1.0 is not a finite number > 0");
        assertThat(TickValidator.violation(StockTick.newBuilder(VALID).setPrice(0).build())).isPresent();
        assertThat(TickValidator.violation(StockTick.newBuilder(VALID).setPrice(Double.NaN).build()))
                .hasValue("price NaN is not a finite number > 0");
        assertThat(TickValidator.violation(StockTick.newBuilder(VALID).setPrice(Double.POSITIVE_INFINITY).build()))
                .isPresent();
        assertThat(TickValidator.violation(StockTick.newBuilder(VALID).setVolume(-3).build()))
                .hasValue("volume -3 is negative");
        assertThat(TickValidator.violation(StockTick.newBuilder(VALID).setBid(Double.NaN).build())).isPresent();
        assertThat(TickValidator.violation(StockTick.newBuilder(VALID).setAsk(-1.0).build())).isPresent();
        assertThat(TickValidator.violation(StockTick.newBuilder(VALID).setSource("").build()))
                .hasValue("source is missing");
    }
}
