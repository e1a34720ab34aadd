package io.ticklake.bench.peers;

import java.nio.file.Path;

/** What every side-by-side comparison of the peer benchmark works with: one broker, one table, one load sampler. */
abstract class PeerComparison {

    protected final PeerOptions options;
    protected final BenchEndpoints endpoints;
    protected final Path workDir;
    protected final ResultTable table;
    protected final LoadSampler load;

    PeerComparison(PeerOptions options, BenchEndpoints endpoints, Path workDir, ResultTable table, LoadSampler load) {
        this.options = options;
        this.endpoints = endpoints;
        this.workDir = workDir;
        this.table = table;
        this.load = load;
    }

    abstract void run() throws Exception;
}
