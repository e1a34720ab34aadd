package io.ticklake.simulator.replay;

import io.ticklake.simulator.tick.TickValidator;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a replay CSV with a header row, either of bars ({@code date,open,high,low,close,volume} and
 * optionally {@code symbol}; {@code timestamp}/{@code time} work for {@code date}, as in Alpha Vantage
 * downloads) or of ticks ({@code event_time,symbol,price,volume} and optionally {@code bid,ask,sequence}).
 * Column names are case-insensitive and may come in any order; {@code #} starts a comment line.
 * The whole file is read and sorted by time before anything is replayed, so a newest-first download
 * replays in order and a malformed line under {@link BadLinePolicy#FAIL} stops the run before any tick
 * is produced. Skipped lines are counted and their reasons kept in the {@link ReplayFile} for the caller
 * to report.
 */
public final class CsvReplayReader {

    private static final List<String> TIME_COLUMNS = List.of("date", "timestamp", "time", "datetime", "event_time");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .setAllowMissingColumnNames(true)
            .get();

    private final ReplaySettings settings;
    private final TimestampParser timestamps;

    public CsvReplayReader(ReplaySettings settings) {
        this.settings = settings;
        this.timestamps = new TimestampParser(settings.zone());
    }

    /**
     * Reads and sorts the whole file.
     *
     * @throws MalformedCsvLineException for a bad header, unreadable CSV, or a bad line under {@link BadLinePolicy#FAIL}
     */
    public ReplayFile read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            Columns columns = Columns.of(file, parser.getHeaderNames());
            String fileSymbol = columns.symbol == null ? symbolForFile(file) : null;
            List<ReplayEvent> events = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            long dataLines = 0;
            long skipped = 0;
            var records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    // A broken quote makes the rest of the file unreadable: no line can be skipped safely.
                    throw new MalformedCsvLineException(file, parser.getCurrentLineNumber(),
                            "unreadable CSV: " + e.getCause().getMessage());
                }
                long line = parser.getCurrentLineNumber();
                dataLines++;
                try {
                    events.add(columns.bars ? bar(record, columns, fileSymbol, line)
                            : tick(record, columns, fileSymbol, line));
                } catch (IllegalArgumentException e) {
                    MalformedCsvLineException bad = new MalformedCsvLineException(file, line, e.getMessage());
                    if (settings.badLines() == BadLinePolicy.FAIL) {
                        throw bad;
                    }
                    skipped++;
                    if (reasons.size() < ReplayFile.MAX_REASONS_KEPT) {
                        reasons.add(bad.getMessage());
                    }
                }
            }
            events.sort(Comparator.comparing(ReplayEvent::time));
            return new ReplayFile(file, events, dataLines, skipped, reasons);
        }
    }

    private Bar bar(CSVRecord record, Columns columns, String fileSymbol, long line) {
        String symbol = symbol(record, columns, fileSymbol);
        TimestampParser.ParsedTime time = timestamps.parse(value(record, columns.time, "time"));
        double open = number(record, columns.open, "open");
        double high = number(record, columns.high, "high");
        double low = number(record, columns.low, "low");
        double close = number(record, columns.close, "close");
        long volume = wholeNumber(record, columns.volume, "volume");
        String inconsistency = Bar.inconsistency(open, high, low, close, volume);
        if (inconsistency != null) {
            throw new IllegalArgumentException(inconsistency);
        }
        Instant start = time.instant();
        Duration length = settings.barLength();
        if (time.dateOnly()) {
            start = start.atZone(settings.zone()).toLocalDate().atTime(settings.sessionOpen())
                    .atZone(settings.zone()).toInstant();
            length = settings.sessionLength();
        }
        return new Bar(symbol, start, length, open, high, low, close, volume, line);
    }

    private RecordedTick tick(CSVRecord record, Columns columns, String fileSymbol, long line) {
        String symbol = symbol(record, columns, fileSymbol);
        Instant time = timestamps.parse(value(record, columns.time, "time")).instant();
        double price = number(record, columns.price, "price");
        if (!Double.isFinite(price) || price <= 0) {
            throw new IllegalArgumentException("price " + price + " is not a finite number > 0");
        }
        long volume = wholeNumber(record, columns.volume, "volume");
        if (volume < 0) {
            throw new IllegalArgumentException("volume " + volume + " is negative");
        }
        Double bid = optionalPositive(record, columns.bid, "bid");
        Double ask = optionalPositive(record, columns.ask, "ask");
        Long sequence = columns.sequence == null || value(record, columns.sequence, "sequence").isEmpty() ? null
                : wholeNumber(record, columns.sequence, "sequence");
        return new RecordedTick(symbol, time, price, volume, bid, ask, sequence, line);
    }

    private static String symbol(CSVRecord record, Columns columns, String fileSymbol) {
        if (columns.symbol == null) {
            return fileSymbol;
        }
        String symbol = value(record, columns.symbol, "symbol").toUpperCase(Locale.ROOT);
        if (!TickValidator.isValidSymbol(symbol)) {
            throw new IllegalArgumentException("symbol '" + symbol + "' does not match "
                    + TickValidator.SYMBOL.pattern());
        }
        return symbol;
    }

    /** The symbol of a file without a symbol column: the configured one, else the file name ({@code AAPL.csv}). */
    private String symbolForFile(Path file) {
        if (settings.symbol() != null) {
            return settings.symbol().toUpperCase(Locale.ROOT);
        }
        String name = file.getFileName().toString();
        String stem = (name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name).toUpperCase(Locale.ROOT);
        if (!TickValidator.isValidSymbol(stem)) {
            throw new MalformedCsvLineException(file, 1, "the file has no symbol column and its name '" + name
                    + "' is no symbol; pass the symbol (--symbol)");
        }
        return stem;
    }

    private static String value(CSVRecord record, String column, String what) {
        if (!record.isSet(column)) {
            throw new IllegalArgumentException("has " + record.size() + " fields, no " + what + " ('" + column
                    + "')");
        }
        return record.get(column);
    }

    private static double number(CSVRecord record, String column, String what) {
        String raw = value(record, column, what);
        try {
            return Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + raw + "' is not a number");
        }
    }

    private static long wholeNumber(CSVRecord record, String column, String what) {
        double value = number(record, column, what);
        if (!Double.isFinite(value) || value != Math.rint(value) || Math.abs(value) > Long.MAX_VALUE / 2.0) {
            throw new IllegalArgumentException(what + " '" + record.get(column) + "' is not a whole number");
        }
        return (long) value;
    }

    private static Double optionalPositive(CSVRecord record, String column, String what) {
        if (column == null || !record.isSet(column) || record.get(column).isEmpty()) {
            return null;
        }
        double value = number(record, column, what);
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(what + " " + value + " is not a finite number > 0");
        }
        return value;
    }

    /** Which header names hold which field; {@code bars} tells a bar file from a tick file. */
    private static final class Columns {
        private boolean bars;
        private String time;
        private String symbol;
        private String open;
        private String high;
        private String low;
        private String close;
        private String volume;
        private String price;
        private String bid;
        private String ask;
        private String sequence;

        static Columns of(Path file, List<String> header) {
            Map<String, String> byName = new TreeMap<>();
            for (String name : header) {
                // A byte-order mark (spreadsheet exports) sticks to the first column's name.
                byName.put(name.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT), name);
            }
            Columns columns = new Columns();
            for (String candidate : TIME_COLUMNS) {
                if (columns.time == null && byName.containsKey(candidate)) {
                    columns.time = byName.get(candidate);
                }
            }
            columns.symbol = byName.get("symbol");
            columns.open = byName.get("open");
            columns.high = byName.get("high");
            columns.low = byName.get("low");
            columns.close = byName.get("close");
            columns.volume = byName.get("volume");
            columns.price = byName.get("price");
            columns.bid = byName.get("bid");
            columns.ask = byName.get("ask");
            columns.sequence = byName.get("sequence");
            columns.bars = columns.open != null && columns.high != null && columns.low != null && columns.close != null;
            boolean ticks = columns.price != null;
            if (columns.time == null || columns.volume == null || !(columns.bars || ticks)) {
                throw new MalformedCsvLineException(file, 1, "the header " + header + " is neither bars ("
                        + "date,open,high,low,close,volume[,symbol]) nor ticks (event_time,symbol,price,volume"
                        + "[,bid,ask,sequence])");
            }
            return columns;
        }
    }
}
