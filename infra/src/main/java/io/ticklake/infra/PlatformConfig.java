package io.ticklake.infra;

import io.ticklake.infra.security.SecurityMode;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the local platform is started with: where it keeps data, logs and pid files, the
 * loopback ports, heap bounds and the S3 identity of MinIO. A port of 0 means "any free port",
 * chosen at the service's first start and kept for its restarts (what tests use).
 */
public final class PlatformConfig {

    /** In the data directory: the security mode of its first start, which later commands default to. */
    public static final String SECURITY_MODE_FILE = "security.mode";

    /** Services bind to loopback only. */
    public static final String HOST = "127.0.0.1";

    private final Path home;
    private final Path cacheDir;
    private final int kafkaPort;
    private final int controllerPort;
    private final int registryPort;
    private final int connectPort;
    private final int minioPort;
    private final int minioConsolePort;
    private final int kafkaBrokers;
    private final String kafkaHeap;
    private final String registryHeap;
    private final String connectHeap;
    private final String bucket;
    private final String accessKey;
    private final String secretKey;
    private final String region;
    private final List<Path> connectPluginPath;
    private final String connectPluginDiscovery;
    private final Duration startTimeout;
    private final SecurityMode security;

    private PlatformConfig(Builder builder) {
        this.home = Objects.requireNonNull(builder.home, "home").toAbsolutePath().normalize();
        this.cacheDir = builder.cacheDir.toAbsolutePath().normalize();
        this.kafkaPort = builder.kafkaPort;
        this.controllerPort = builder.controllerPort;
        this.registryPort = builder.registryPort;
        this.connectPort = builder.connectPort;
        this.minioPort = builder.minioPort;
        this.minioConsolePort = builder.minioConsolePort;
        this.kafkaBrokers = builder.kafkaBrokers;
        this.kafkaHeap = builder.kafkaHeap;
        this.registryHeap = builder.registryHeap;
        this.connectHeap = builder.connectHeap;
        this.bucket = builder.bucket;
        this.accessKey = builder.accessKey;
        this.secretKey = builder.secretKey;
        this.region = builder.region;
        this.connectPluginPath = List.copyOf(builder.connectPluginPath);
        this.connectPluginDiscovery = builder.connectPluginDiscovery;
        this.startTimeout = builder.startTimeout;
        this.security = builder.security;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A platform on ephemeral ports under {@code home}, as integration tests use it: PLAINTEXT. */
    public static PlatformConfig forTests(Path home, Map<String, String> environment) {
        return forTests(home, environment, SecurityMode.PLAINTEXT);
    }

    /** The same with the given security mode (TICKLAKE_SECURITY does not apply to tests). */
    public static PlatformConfig forTests(Path home, Map<String, String> environment, SecurityMode security) {
        return forTests(home, environment, security, 1);
    }

    /** The same with {@code brokers} Kafka nodes (TICKLAKE_KAFKA_BROKERS does not apply to tests either). */
    public static PlatformConfig forTests(Path home, Map<String, String> environment, SecurityMode security,
                                          int brokers) {
        Builder builder = builder().applyEnvironment(environment).home(home).security(security).kafkaBrokers(brokers);
        return builder.kafkaPort(0).controllerPort(0).registryPort(0).connectPort(0).minioPort(0).minioConsolePort(0).build();
    }

    public Path home() {
        return home;
    }

    public Path cacheDir() {
        return cacheDir;
    }

    public Path logDir() {
        return home.resolve("logs");
    }

    public Path runDir() {
        return home.resolve("run");
    }

    /** The data and configuration directory of one service. */
    public Path serviceDir(String service) {
        return home.resolve(service);
    }

    public int kafkaPort() {
        return kafkaPort;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public int registryPort() {
        return registryPort;
    }

    public int connectPort() {
        return connectPort;
    }

    public int minioPort() {
        return minioPort;
    }

    public int minioConsolePort() {
        return minioConsolePort;
    }

    /** How many Kafka nodes run, each broker and controller of one KRaft quorum; 1 by default. */
    public int kafkaBrokers() {
        return kafkaBrokers;
    }

    /**
     * The replication factor of every topic the platform makes or lets Kafka make (its own, the
     * internal offsets, transaction and Connect topics, Kafka Streams' internal topics): the broker
     * count, at most 3.
     */
    public int replicationFactor() {
        return Math.min(kafkaBrokers, 3);
    }

    /** {@code min.insync.replicas} of those topics: one less than the replication factor, at least 1 (2 of 3). */
    public int minInsyncReplicas() {
        return Math.max(1, replicationFactor() - 1);
    }

    public String kafkaHeap() {
        return kafkaHeap;
    }

    public String registryHeap() {
        return registryHeap;
    }

    public String connectHeap() {
        return connectHeap;
    }

    public String bucket() {
        return bucket;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    public String region() {
        return region;
    }

    /** Candidate plugin directories; the ones that exist when Connect starts are used. */
    public List<Path> connectPluginPath() {
        return connectPluginPath;
    }

    /**
     * Connect's plugin.discovery. {@code service_load} reads the plugins' ServiceLoader manifests
     * instead of scanning every class (seconds faster per start); plugins without manifests need
     * {@code hybrid_warn}.
     */
    public String connectPluginDiscovery() {
        return connectPluginDiscovery;
    }

    public Duration startTimeout() {
        return startTimeout;
    }

    /**
     * PLAINTEXT (the default) or SASL_SSL: a SCRAM-authenticated TLS broker and an HTTPS registry. Unless
     * chosen, the mode the data directory was first started with.
     */
    public SecurityMode security() {
        return security;
    }

    /** Defaults, then environment variables, then explicit setters (the CLI's flags). */
    public static final class Builder {

        private Path home;
        private Path cacheDir = defaultCacheDir(System.getenv());
        private int kafkaPort = 9092;
        private int controllerPort = 9093;
        private int registryPort = 8081;
        private int connectPort = 8083;
        private int minioPort = 9000;
        private int minioConsolePort = 9001;
        private int kafkaBrokers = 1;
        private String kafkaHeap = "512m";
        private String registryHeap = "256m";
        private String connectHeap = "512m";
        private String bucket = "ticklake";
        private String accessKey = "ticklake";
        private String secretKey = "ticklake-secret";
        private String region = "us-east-1";
        private List<Path> connectPluginPath = defaultPluginPath();
        private String connectPluginDiscovery = "service_load";
        private Duration startTimeout = Duration.ofSeconds(120);
        /** Null until chosen: then the data directory's recorded mode, else PLAINTEXT. */
        private SecurityMode security;

        private Builder() {
        }

        /** Reads the {@code TICKLAKE_*} variables documented in infra/README.md. */
        public Builder applyEnvironment(Map<String, String> env) {
            value(env, "TICKLAKE_HOME").map(Path::of).ifPresent(this::home);
            cacheDir = defaultCacheDir(env);
            port(env, "TICKLAKE_KAFKA_PORT").ifPresent(this::kafkaPort);
            port(env, "TICKLAKE_CONTROLLER_PORT").ifPresent(this::controllerPort);
            port(env, "TICKLAKE_REGISTRY_PORT").ifPresent(this::registryPort);
            port(env, "TICKLAKE_CONNECT_PORT").ifPresent(this::connectPort);
            port(env, "TICKLAKE_MINIO_PORT").ifPresent(this::minioPort);
            port(env, "TICKLAKE_MINIO_CONSOLE_PORT").ifPresent(this::minioConsolePort);
            value(env, "TICKLAKE_KAFKA_BROKERS").map(v -> {
                try {
                    return Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("TICKLAKE_KAFKA_BROKERS='" + v + "' is not a number of brokers");
                }
            }).ifPresent(this::kafkaBrokers);
            value(env, "TICKLAKE_KAFKA_HEAP").ifPresent(this::kafkaHeap);
            value(env, "TICKLAKE_REGISTRY_HEAP").ifPresent(this::registryHeap);
            value(env, "TICKLAKE_CONNECT_HEAP").ifPresent(this::connectHeap);
            value(env, "TICKLAKE_S3_BUCKET").ifPresent(this::bucket);
            value(env, "TICKLAKE_S3_ACCESS_KEY").ifPresent(this::accessKey);
            value(env, "TICKLAKE_S3_SECRET_KEY").ifPresent(this::secretKey);
            value(env, "TICKLAKE_S3_REGION").ifPresent(this::region);
            value(env, "TICKLAKE_CONNECT_PLUGIN_PATH").ifPresent(this::connectPluginPath);
            value(env, "TICKLAKE_CONNECT_PLUGIN_DISCOVERY").ifPresent(this::connectPluginDiscovery);
            value(env, "TICKLAKE_START_TIMEOUT").map(Integer::parseInt).map(Duration::ofSeconds).ifPresent(this::startTimeout);
            value(env, "TICKLAKE_SECURITY").map(v -> SecurityMode.parse(v, "TICKLAKE_SECURITY")).ifPresent(this::security);
            return this;
        }

        public Builder home(Path value) {
            home = value;
            return this;
        }

        public Builder cacheDir(Path value) {
            cacheDir = value;
            return this;
        }

        public Builder kafkaPort(int value) {
            kafkaPort = checkPort("Kafka", value);
            return this;
        }

        public Builder controllerPort(int value) {
            controllerPort = checkPort("controller", value);
            return this;
        }

        public Builder registryPort(int value) {
            registryPort = checkPort("registry", value);
            return this;
        }

        public Builder connectPort(int value) {
            connectPort = checkPort("Connect", value);
            return this;
        }

        public Builder minioPort(int value) {
            minioPort = checkPort("MinIO", value);
            return this;
        }

        public Builder minioConsolePort(int value) {
            minioConsolePort = checkPort("MinIO console", value);
            return this;
        }

        /** Kafka nodes, 1 to 9; node {@code n} listens on the Kafka and controller ports plus {@code 100 * (n - 1)}. */
        public Builder kafkaBrokers(int value) {
            if (value < 1 || value > 9) {
                throw new IllegalArgumentException("the number of Kafka brokers must be between 1 and 9, not " + value);
            }
            kafkaBrokers = value;
            return this;
        }

        public Builder kafkaHeap(String value) {
            kafkaHeap = checkHeap(value);
            return this;
        }

        public Builder registryHeap(String value) {
            registryHeap = checkHeap(value);
            return this;
        }

        public Builder connectHeap(String value) {
            connectHeap = checkHeap(value);
            return this;
        }

        public Builder bucket(String value) {
            if (!value.matches("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]")) {
                throw new IllegalArgumentException("bucket name '" + value + "' is not a valid S3 bucket name");
            }
            bucket = value;
            return this;
        }

        public Builder accessKey(String value) {
            if (value.length() < 3) {
                throw new IllegalArgumentException("the S3 access key needs at least 3 characters (MinIO's rule)");
            }
            accessKey = value;
            return this;
        }

        public Builder secretKey(String value) {
            if (value.length() < 8) {
                throw new IllegalArgumentException("the S3 secret key needs at least 8 characters (MinIO's rule)");
            }
            secretKey = value;
            return this;
        }

        public Builder region(String value) {
            region = value;
            return this;
        }

        /** A {@code :}-separated list of directories, like Connect's own plugin.path. */
        public Builder connectPluginPath(String value) {
            List<Path> paths = new ArrayList<>();
            for (String entry : value.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    paths.add(Path.of(entry.trim()).toAbsolutePath().normalize());
                }
            }
            connectPluginPath = paths;
            return this;
        }

        public Builder connectPluginDiscovery(String value) {
            if (!List.of("only_scan", "hybrid_warn", "hybrid_fail", "service_load").contains(value)) {
                throw new IllegalArgumentException("plugin discovery '" + value
                        + "' is not one of only_scan, hybrid_warn, hybrid_fail, service_load");
            }
            connectPluginDiscovery = value;
            return this;
        }

        public Builder startTimeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("the start timeout must be positive, not " + value);
            }
            startTimeout = value;
            return this;
        }

        public Builder security(SecurityMode value) {
            security = value;
            return this;
        }

        public PlatformConfig build() {
            if (home == null) {
                home = RepoLocator.find(Path.of("").toAbsolutePath())
                        .map(repo -> repo.resolve(".ticklake"))
                        .orElse(Path.of(".ticklake"));
            }
            if (security == null) {
                security = recordedSecurity(home.toAbsolutePath().normalize()).orElse(SecurityMode.PLAINTEXT);
            }
            return new PlatformConfig(this);
        }

        /** The mode a data directory was first started with ({@link #SECURITY_MODE_FILE}), if any. */
        private static Optional<SecurityMode> recordedSecurity(Path home) {
            Path marker = home.resolve(SECURITY_MODE_FILE);
            try {
                return Files.exists(marker)
                        ? Optional.of(SecurityMode.parse(Files.readString(marker), marker.toString()))
                        : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + marker, e);
            }
        }

        private static Path defaultCacheDir(Map<String, String> env) {
            return value(env, "TICKLAKE_CACHE").map(Path::of)
                    .orElse(Path.of(System.getProperty("user.home"), ".cache", "ticklake"));
        }

        private static List<Path> defaultPluginPath() {
            return RepoLocator.find(Path.of("").toAbsolutePath())
                    .map(repo -> List.of(repo.resolve("connect-sink").resolve("target").resolve("plugin")))
                    .orElse(List.of());
        }

        private static Optional<String> value(Map<String, String> env, String name) {
            return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
        }

        private static Optional<Integer> port(Map<String, String> env, String name) {
            return value(env, name).map(v -> {
                try {
                    return Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + "='" + v + "' is not a port number");
                }
            });
        }

        private static int checkPort(String what, int value) {
            if (value < 0 || value > 65_535) {
                throw new IllegalArgumentException("the " + what + " port must be between 0 and 65535, not " + value);
            }
            return value;
        }

        private static String checkHeap(String value) {
            if (!value.matches("\\d+[kKmMgG]")) {
                throw new IllegalArgumentException("a heap size looks like 512m or 1g, not '" + value + "'");
            }
            return value;
        }
    }
}
