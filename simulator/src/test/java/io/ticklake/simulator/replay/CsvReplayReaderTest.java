package io.ticklake.simulator.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReplayReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsDailyBarsNewestFirstAsAlphaVantageWritesThem() throws IOException {
        Path file = write("IBM.csv", """
                timestamp,open,high,low,close,volume
                2024-05-10,167.50,168.40,166.00,167.15,3000000
                2024-05-09,166.00,167.90,165.10,167.20,2500000
                """);
        ReplayFile replay = new CsvReplayReader(ReplaySettings.defaults()).read(file);

        assertThat(replay.dataLines()).isEqualTo(2);
        assertThat(replay.events()).hasSize(2).allMatch(e -> e.symbol().equals("IBM"));
        Bar first = (Bar) replay.events().get(0);
        assertThat(first.start()).isEqualTo(Instant.parse("2024-05-09T13:30:00Z"));
        assertThat(first.length()).isEqualTo(Duration.ofMinutes(390));
        assertThat(first.open()).isEqualTo(166.00);
        assertThat(first.volume()).isEqualTo(2_500_000L);
        assertThat(first.line()).isEqualTo(3);
        assertThat(replay.events().get(1).time()).isEqualTo(Instant.parse("2024-05-10T13:30:00Z"));
    }

    @Test
    void readsIntradayBarsOfSeveralSymbolsWithColumnsInAnyOrder() throws IOException {
        Path file = write("bars.csv", """
                # exported intraday bars
                Symbol,Date,Volume,Open,High,Low,Close
                msft,2024-05-10 09:31:00,1200,410.00,410.50,409.80,410.20

                AAPL,2024-05-10 09:30:00,900,183.00,183.20,182.90,183.10
                """);
        ReplayFile replay = new CsvReplayReader(ReplaySettings.defaults().withBarLength(Duration.ofMinutes(1))).read(file);

        assertThat(replay.events()).extracting(ReplayEvent::symbol).containsExactly("AAPL", "MSFT");
        assertThat(replay.events()).extracting(ReplayEvent::line).containsExactly(5L, 3L);
        assertThat(replay.events().get(0).time()).isEqualTo(Instant.parse("2024-05-10T13:30:00Z"));
        assertThat(((Bar) replay.events().get(1)).length()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void readsTicksWithOptionalQuotesAndSequences() throws IOException {
        Path file = write("ticks.csv", """
                event_time,symbol,price,volume,bid,ask,sequence
                2024-05-10T13:30:00.250Z,AAPL,183.01,100,183.00,183.02,7
                2024-05-10T13:30:00.100Z,AAPL,183.00,50,,,
                """);
        ReplayFile replay = new CsvReplayReader(ReplaySettings.defaults()).read(file);

        RecordedTick first = (RecordedTick) replay.events().get(0);
        assertThat(first.time()).isEqualTo(Instant.parse("2024-05-10T13:30:00.100Z"));
        assertThat(first.bid()).isNull();
        assertThat(first.sequence()).isNull();
        RecordedTick second = (RecordedTick) replay.events().get(1);
        assertThat(second.bid()).isEqualTo(183.00);
        assertThat(second.ask()).isEqualTo(183.02);
        assertThat(second.sequence()).isEqualTo(7L);
    }

    @Test
    void aMalformedLineNamesFileAndLineAndStopsTheRead() throws IOException {
        Path file = write("AAPL.csv", """
                date,open,high,low,close,volume
                2024-05-09,10,11,9,10.5,100
                2024-05-10,11,10,9,10,100
                """);
        assertThatThrownBy(() -> new CsvReplayReader(ReplaySettings.defaults()).read(file))
                .isInstanceOf(MalformedCsvLineException.class)
                .hasMessage(file + ":3: high 10.0 is below open 11.0")
                .satisfies(e -> assertThat(((MalformedCsvLineException) e).line()).isEqualTo(3));
    }

    @Test
    void skipModeCountsEveryKindOfBadLineAndKeepsTheRest() throws IOException {
        Path file = write("AAPL.csv", """
                date,open,high,low,close,volume
                2024-05-06,10,11,9,10.5,100
                2024-05-07,abc,11,9,10.5,100
                2024-05-08,10,11,9,10.5
                not-a-date,10,11,9,10.5,100
                2024-05-09,10,11,9,10.5,-5
                2024-05-10,10,11,9,10.5,12.5
                2024-05-13,-10,11,9,10.5,100
                2024-05-14,10,11,9,10.5,200
                """);
        ReplayFile replay = new CsvReplayReader(ReplaySettings.defaults().withBadLines(BadLinePolicy.SKIP)).read(file);

        assertThat(replay.events()).hasSize(2);
        assertThat(replay.dataLines()).isEqualTo(8);
        assertThat(replay.skippedLines()).isEqualTo(6);
        assertThat(replay.skipReasons()).containsExactly(
                file + ":3: open 'abc' is not a number",
                file + ":4: has 5 fields, no volume ('volume')",
                file + ":5: time 'not-a-date' is not a date (2024-05-10), a date-time (2024-05-10 15:55:00), an ISO"
                        + " instant (2024-05-10T19:55:00Z) or epoch seconds/millis",
                file + ":6: volume -5 is negative",
                file + ":7: volume '12.5' is not a whole number",
                file + ":8: open -10.0 is not a finite number > 0");
    }

    @Test
    void badTickValuesAreMalformedLines() throws IOException {
        Path file = write("ticks.csv", """
                event_time,symbol,price,volume
                2024-05-10T13:30:00Z,AAPL,NaN,1
                2024-05-10T13:30:00Z,,10,1
                2024-05-10T13:30:00Z,TOO-LONG-SYMBOL,10,1
                2024-05-10T13:30:00Z,AAPL,10,1
                """);
        ReplayFile replay = new CsvReplayReader(ReplaySettings.defaults().withBadLines(BadLinePolicy.SKIP)).read(file);
        assertThat(replay.events()).hasSize(1);
        assertThat(replay.skipReasons()).containsExactly(
                file + ":2: price NaN is not a finite number > 0",
                file + ":3: symbol '' does not match [A-Z0-9.\\-]{1,12}",
                file + ":4: symbol 'TOO-LONG-SYMBOL' does not match [A-Z0-9.\\-]{1,12}");
    }

    @Test
    void anUnknownHeaderOrAnUnnamedFileIsRefused() throws IOException {
        Path unknown = write("AAPL.csv", "when,value\n2024-05-10,1\n");
        assertThatThrownBy(() -> new CsvReplayReader(ReplaySettings.defaults()).read(unknown))
                .isInstanceOf(MalformedCsvLineException.class)
                .hasMessageContaining(unknown + ":1: the header [when, value] is neither bars");
        Path unnamed = write("history export.csv", "date,open,high,low,close,volume\n2024-05-10,1,1,1,1,1\n");
        assertThatThrownBy(() -> new CsvReplayReader(ReplaySettings.defaults()).read(unnamed))
                .hasMessageContaining("no symbol column").hasMessageContaining("--symbol");
        assertThat(new CsvReplayReader(ReplaySettings.defaults().withSymbol("ibm")).read(unnamed).events())
                .extracting(ReplayEvent::symbol).containsExactly("IBM");
    }

    @Test
    void aByteOrderMarkIsIgnored() throws IOException {
        Path file = write("MSFT.csv", "\uFEFFDate,Open,High,Low,Close,Volume\r\n2024-05-10,1,2,0.5,1.5,10\r\n");
        ReplayFile replay = new CsvReplayReader(ReplaySettings.defaults()).read(file);
        assertThat(replay.events()).hasSize(1);
        assertThat(((Bar) replay.events().get(0)).high()).isEqualTo(2.0);
    }

    @Test
    void aBrokenQuoteStopsEvenInSkipMode() throws IOException {
        Path file = write("AAPL.csv", "date,open,high,low,close,volume\n2024-05-10,1,1,1,1,1\n\"2024-05-11,1,1,1,1,1\n");
        assertThatThrownBy(() -> new CsvReplayReader(ReplaySettings.defaults().withBadLines(BadLinePolicy.SKIP))
                .read(file)).isInstanceOf(MalformedCsvLineException.class).hasMessageContaining("unreadable CSV");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
