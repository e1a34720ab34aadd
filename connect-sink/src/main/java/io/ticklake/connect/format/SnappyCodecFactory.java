package io.ticklake.connect.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Snappy for Parquet pages through snappy-java directly. Parquet's own codec factory reaches the
 * codec through Hadoop's {@code CompressionCodec}; this one keeps Hadoop off the plugin's classpath.
 */
final class SnappyCodecFactory implements CompressionCodecFactory {

    static final SnappyCodecFactory INSTANCE = new SnappyCodecFactory();

    private static final BytesInputCompressor COMPRESSOR = new BytesInputCompressor() {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            return BytesInput.from(Snappy.compress(bytes.toByteArray()));
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.SNAPPY;
        }

        @Override
        public void release() {
        }
    };

    private static final BytesInputDecompressor DECOMPRESSOR = new BytesInputDecompressor() {
        @Override
        public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
            byte[] out = new byte[decompressedSize];
            Snappy.uncompress(bytes.toByteArray(), 0, (int) bytes.size(), out, 0);
            return BytesInput.from(out);
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            output.put(Snappy.uncompress(in));
        }

        @Override
        public void release() {
        }
    };

    private SnappyCodecFactory() {
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
        requireSnappy(codecName);
        return COMPRESSOR;
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
        requireSnappy(codecName);
        return DECOMPRESSOR;
    }

    @Override
    public void release() {
    }

    private static void requireSnappy(CompressionCodecName codecName) {
        if (codecName != CompressionCodecName.SNAPPY) {
            throw new IllegalArgumentException("raw tick files are Snappy-compressed, not " + codecName);
        }
    }
}
