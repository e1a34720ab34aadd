package io.ticklake.infra.service;

import io.ticklake.infra.PlatformConfig;
import io.ticklake.infra.http.Http;
import io.ticklake.infra.runtime.JavaCommand;
import io.ticklake.infra.runtime.KafkaRuntime;
import io.ticklake.infra.security.PlatformSecurity;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A Kafka Connect worker in distributed mode, keeping its configs, offsets and status in topics on
 * the platform's broker, with the configured plugin directories on its plugin.path.
 *
 * <p>Secrets reach connectors through config providers, never as values: the worker declares
 * {@code file} (Kafka's FileConfigProvider) and {@code env} (EnvVarConfigProvider, limited to
 * {@code TICKLAKE_*} variables), and writes the platform's S3 credentials to its own 0600
 * {@code secrets.properties}. A connector config holds {@link #secretReference(String)}, so Connect
 * stores and returns the reference, and resolves it only inside the worker.
 *
 * <p>On a secured platform the worker and its producers, consumers and admin clients connect with
 * SASL_SSL as the platform's client user; worker.properties holds references to the platform's secrets
 * file, not the secrets.
 */
public final class ConnectWorker extends ProcessService {

    public static final String NAME = "connect";
    public static final String GROUP_ID = "ticklake-connect";

    private static final String REST = "rest";
    /** Keys of {@link #secretsFile()}. */
    public static final String S3_ACCESS_KEY = "s3.access.key";
    public static final String S3_SECRET_KEY = "s3.secret.key";

    private static final String FILE_CONFIG_PROVIDER = "org.apache.kafka.common.config.provider.FileConfigProvider";
    private static final String ENV_CONFIG_PROVIDER = "org.apache.kafka.common.config.provider.EnvVarConfigProvider";

    private final Supplier<String> bootstrapServers;
    private final Optional<PlatformSecurity> security;

    /**
     * @param bootstrapServers the broker to use, asked at every start (its port may be chosen late)
     * @param security         the platform's credentials when it is secured
     */
    public ConnectWorker(PlatformConfig config, Supplier<String> bootstrapServers, Optional<PlatformSecurity> security) {
        super(NAME, config, List.of(new ServicePort(REST, config.connectPort(), "TICKLAKE_CONNECT_PORT")));
        this.bootstrapServers = bootstrapServers;
        this.security = security;
    }

    /**
     * What a connector config adds to reach a secured platform's HTTPS registry: its
     * {@code schema.registry.ssl.*} settings, the password as a reference the worker resolves. Empty when
     * the platform is not secured.
     */
    public Map<String, String> registryTlsConnectorSettings() {
        return security.map(s -> s.registryTlsSettings(s.reference(PlatformSecurity.TRUSTSTORE_PASSWORD)))
                .orElse(Map.of());
    }

    /** The REST API, e.g. {@code http://127.0.0.1:8083}. */
    public String url() {
        return "http://" + PlatformConfig.HOST + ":" + port(REST);
    }

    /** The worker's secrets (0600), read by its {@code file} config provider. */
    public Path secretsFile() {
        return serviceDir().resolve("secrets.properties");
    }

    /** What a connector config holds instead of the secret {@code key} of {@link #secretsFile()}. */
    public String secretReference(String key) {
        return "${file:" + secretsFile() + ":" + key + "}";
    }

    /** The configured plugin directories that exist now. */
    public List<Path> pluginPath() {
        return config.connectPluginPath().stream().filter(Files::isDirectory).toList();
    }

    @Override
    protected void prepare() {
        security.ifPresent(PlatformSecurity::ensure);
        Log4jConfig.write(serviceDir());
        writeWorkerProperties(serviceDir().resolve("worker.properties"));
        writeSecrets(secretsFile());
    }

    @Override
    protected List<String> command() {
        JavaCommand command = new JavaCommand()
                .heap(config.connectHeap())
                .option("-XX:+UseG1GC")
                .systemProperty("ticklake.service", NAME);
        if (security.isPresent()) {
            // worker.properties refers to its secrets through these providers
            command.systemProperty("org.apache.kafka.automatic.config.providers",
                    FILE_CONFIG_PROVIDER + "," + ENV_CONFIG_PROVIDER);
        }
        return command
                .systemProperty("log4j2.configurationFile", serviceDir().resolve("log4j2.properties").toUri().toString())
                .mainClass(KafkaRuntime.classpath(), "org.apache.kafka.connect.cli.ConnectDistributed")
                .arguments(serviceDir().resolve("worker.properties").toString())
                .toList();
    }

    /** {@code /health} answers 200 once the worker has joined its group and can take requests. */
    @Override
    protected boolean probeHealth() {
        return Http.DEFAULT.isOk(url() + "/health");
    }

    @Override
    protected List<Endpoint> describeEndpoints() {
        String plugins = pluginPath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        return List.of(
                new Endpoint("REST API", url()),
                new Endpoint("plugin.path", plugins.isEmpty() ? "(none: no configured plugin directory exists)" : plugins));
    }

    private void writeSecrets(Path file) {
        Properties secrets = new Properties();
        secrets.setProperty(S3_ACCESS_KEY, config.accessKey());
        secrets.setProperty(S3_SECRET_KEY, config.secretKey());
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(file)) {
                secrets.store(out, "S3 credentials of the platform, for the worker's file config provider");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The worker's own Kafka security settings and the same for its producers, consumers and admin clients. */
    private String clientSecurity() {
        if (security.isEmpty()) {
            return "";
        }
        PlatformSecurity secured = security.get();
        Map<String, String> settings = secured.kafkaClientSettings(secured.reference(PlatformSecurity.CLIENT_JAAS),
                secured.reference(PlatformSecurity.TRUSTSTORE_PASSWORD));
        StringBuilder lines = new StringBuilder("# SASL_SSL as the platform's client user; the secrets stay in "
                + secured.secretsFile() + "\n");
        for (String prefix : List.of("", "producer.", "consumer.", "admin.")) {
            settings.forEach((key, value) -> lines.append(prefix).append(key).append('=').append(value).append('\n'));
        }
        return lines.toString();
    }

    private void writeWorkerProperties(Path file) {
        String plugins = pluginPath().stream().map(Path::toString).collect(Collectors.joining(","));
        String content = """
                # written by the ticklake platform launcher on every start
                bootstrap.servers=%1$s
                group.id=%2$s
                listeners=http://%3$s:%4$d
                rest.advertised.host.name=%3$s
                rest.advertised.port=%4$d
                key.converter=org.apache.kafka.connect.json.JsonConverter
                value.converter=org.apache.kafka.connect.json.JsonConverter
                config.storage.topic=_%2$s-configs
                config.storage.replication.factor=%9$d
                offset.storage.topic=_%2$s-offsets
                offset.storage.replication.factor=%9$d
                offset.storage.partitions=5
                status.storage.topic=_%2$s-status
                status.storage.replication.factor=%9$d
                status.storage.partitions=1
                offset.flush.interval.ms=10000
                plugin.discovery=%6$s
                config.providers=file,env
                config.providers.file.class=%7$s
                config.providers.env.class=%8$s
                config.providers.env.param.allowlist.pattern=^TICKLAKE_.*
                %5$s
                """.formatted(bootstrapServers.get(), GROUP_ID, PlatformConfig.HOST, port(REST),
                plugins.isEmpty() ? "# no plugin directory exists yet" : "plugin.path=" + plugins,
                config.connectPluginDiscovery(), FILE_CONFIG_PROVIDER, ENV_CONFIG_PROVIDER, config.replicationFactor())
                + clientSecurity();
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
