package io.ticklake.e2e.lake;

import io.ticklake.e2e.kafka.Coordinates;

/**
 * One row of a lake file: the tick's fields, its Kafka coordinates, and the hour directory the file
 * lies in ({@code year=YYYY/month=MM/day=DD/hour=HH}).
 */
public record LakeRow(Coordinates coordinates, String symbol, double price, long volume, Double bid, Double ask,
                      long eventTimeMs, long sequence, String source, long ingestTimeMs, String hourDirectory) {
}
