package io.ticklake.spark.bench;

import io.ticklake.infra.testing.TestPlatform;

/**
 * The broker, registry and Connect worker the peers run against: the ones given on the command line, or
 * the infra fixture's platform on ephemeral loopback ports (started on first use, stopped at JVM exit).
 */
final class BenchEndpoints {

    private final PeerOptions options;
    private TestPlatform platform;

    BenchEndpoints(PeerOptions options) {
        this.options = options;
        if (options.has("bootstrap") != options.has("registry")) {
            throw new IllegalArgumentException("options 'bootstrap' and 'registry' go together");
        }
    }

    String bootstrap() {
        return options.has("bootstrap") ? options.get("bootstrap") : platform().kafkaBootstrapServers();
    }

    String registry() {
        return options.has("registry") ? options.get("registry") : platform().schemaRegistryUrl();
    }

    String connect() {
        if (options.has("connect")) {
            return options.get("connect");
        }
        if (options.has("bootstrap")) {
            throw new IllegalArgumentException("option 'connect' is needed with 'bootstrap' for the connect landing");
        }
        return platform().connectUrl();
    }

    private synchronized TestPlatform platform() {
        if (platform == null) {
            System.err.println("starting the local platform (infra test fixture, ephemeral ports)...");
            platform = TestPlatform.shared();
        }
        return platform;
    }
}
