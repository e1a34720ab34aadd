package io.ticklake.connect.decode;

import io.ticklake.connect.format.RawAlertRow;
import io.ticklake.connect.format.RawRow;
import io.ticklake.schemas.Alert;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * {@code stock-alerts} records as raw alert rows. Alerts come from the streams app's exactly-once
 * output, already validated there; anything that does not decode as an {@link Alert} is refused.
 */
public final class AlertRows implements RowDecoder {

    private final AvroValueDecoder<Alert> decoder;

    public AlertRows(Map<String, ?> deserializerConfig) {
        this.decoder = new AvroValueDecoder<>(deserializerConfig, Alert.class);
    }

    @Override
    public RawRow decode(SinkRecord record, byte[] value) {
        Alert alert = decoder.decode(record.topic(), value);
        return new RawAlertRow(alert, record.kafkaOffset(),
                RowDecoder.ingestTime(record, alert.getEventTime().toEpochMilli()));
    }

    @Override
    public void close() {
        decoder.close();
    }
}
