package io.ticklake.connect.format;

import io.ticklake.connect.storage.FileBytes;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/** A Parquet output that collects the file in memory, to be uploaded whole once it is closed. */
final class InMemoryOutputFile implements OutputFile {

    private final String name;
    private final FileBytes bytes = new FileBytes();

    InMemoryOutputFile(String name) {
        this.name = name;
    }

    FileBytes bytes() {
        return bytes;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
        return new PositionOutputStream() {
            @Override
            public long getPos() {
                return bytes.size();
            }

            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void write(byte[] data, int offset, int length) {
                bytes.write(data, offset, length);
            }
        };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
        return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    @Override
    public String getPath() {
        return name;
    }
}
