package io.ticklake.connect.decode;

import io.ticklake.connect.format.RawRow;
import io.ticklake.connect.format.RawTickRow;
import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.contract.StockTickContract;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/** {@code stock-ticks} records as raw tick rows; a tick that breaks the StockTick contract is refused. */
public final class TickRows implements RowDecoder {

    private final AvroValueDecoder<StockTick> decoder;
    private final long maxFutureMs;

    public TickRows(Map<String, ?> deserializerConfig, long maxFutureMs) {
        this.decoder = new AvroValueDecoder<>(deserializerConfig, StockTick.class);
        this.maxFutureMs = maxFutureMs;
    }

    @Override
    public RawRow decode(SinkRecord record, byte[] value) {
        StockTick tick = decoder.decode(record.topic(), value);
        long recordTimestamp = record.timestamp() != null ? record.timestamp() : -1;
        Optional<String> violation = StockTickContract.violation(RowDecoder.text(record.key()), tick, recordTimestamp, maxFutureMs);
        if (violation.isPresent()) {
            throw new DataException("tick at " + RowDecoder.coordinates(record) + " breaks the StockTick contract: "
                    + violation.get());
        }
        return new RawTickRow(tick, record.kafkaOffset(),
                RowDecoder.ingestTime(record, tick.getEventTime().toEpochMilli()));
    }

    @Override
    public void close() {
        decoder.close();
    }
}
