package io.ticklake.bench.peers;

import io.ticklake.infra.Platform;
import io.ticklake.infra.PlatformConfig;
import io.ticklake.infra.PlatformListener;
import java.nio.file.Path;

/**
 * The broker, registry and Connect worker the peers run against: the ones given on the command line, or a
 * local platform of the peers' own on ephemeral loopback ports in the work directory (started on first use,
 * stopped by {@link #close}).
 */
final class BenchEndpoints implements AutoCloseable {

    private final PeerOptions options;
    private final Path home;
    private Platform platform;

    BenchEndpoints(PeerOptions options, Path workDir) {
        this.options = options;
        this.home = workDir.resolve("platform");
        if (options.has("bootstrap") != options.has("registry")) {
            throw new IllegalArgumentException("options 'bootstrap' and 'registry' go together");
        }
    }

    String bootstrap() {
        return options.has("bootstrap") ? options.get("bootstrap") : platform().kafka().bootstrapServers();
    }

    String registry() {
        return options.has("registry") ? options.get("registry") : platform().registry().schemaRegistryUrl();
    }

    String connect() {
        if (options.has("connect")) {
            return options.get("connect");
        }
        if (options.has("bootstrap")) {
            throw new IllegalArgumentException("option 'connect' is needed with 'bootstrap' for the connect landing");
        }
        return platform().connect().url();
    }

    private synchronized Platform platform() {
        if (platform == null) {
            System.err.println("starting the local platform (ephemeral ports, in " + home + ")...");
            // the Connect worker loads the sink from <repo>/connect-sink/target/plugin (TICKLAKE_CONNECT_PLUGIN_PATH)
            Platform started = new Platform(PlatformConfig.forTests(home, System.getenv()));
            started.up(PlatformListener.SILENT);
            platform = started;
        }
        return platform;
    }

    @Override
    public synchronized void close() {
        if (platform != null) {
            platform.down(PlatformListener.SILENT);
            platform = null;
        }
    }
}
