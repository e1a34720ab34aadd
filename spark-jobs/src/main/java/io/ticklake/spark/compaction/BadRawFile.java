package io.ticklake.spark.compaction;

/** A file in a raw partition that is not raw data, with the reason. */
public record BadRawFile(String uri, String reason) {

    @Override
    public String toString() {
        return uri + " (" + reason + ")";
    }
}
