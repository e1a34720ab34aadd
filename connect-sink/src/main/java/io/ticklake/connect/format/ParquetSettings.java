package io.ticklake.connect.format;

/**
 * How raw Parquet files are laid out.
 *
 * @param rowGroupBytes target row group size
 * @param pageBytes     target page size
 */
public record ParquetSettings(int rowGroupBytes, int pageBytes) {
}
