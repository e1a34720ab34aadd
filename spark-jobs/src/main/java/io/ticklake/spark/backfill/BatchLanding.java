package io.ticklake.spark.backfill;

import java.util.List;

/**
 * What one micro-batch landed.
 *
 * @param files          the raw files written (URIs)
 * @param errorSamples   the first undecodable records of the batch: coordinates and reason
 */
public record BatchLanding(long batchId, long records, long landed, long beyondBounds, long undecodable,
                           long deadLettered, List<String> files, long bytes, List<String> errorSamples) {

    public BatchLanding {
        files = List.copyOf(files);
        errorSamples = List.copyOf(errorSamples);
    }
}
