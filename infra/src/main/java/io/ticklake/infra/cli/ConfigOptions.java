package io.ticklake.infra.cli;

import io.ticklake.infra.PlatformConfig;
import io.ticklake.infra.security.SecurityMode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import picocli.CommandLine.Option;

/** The flags every subcommand accepts; each overrides the matching TICKLAKE_* variable. */
final class ConfigOptions {

    @Option(names = "--home", paramLabel = "DIR", description = "data, logs and pid files (env TICKLAKE_HOME; default <repo>/.ticklake)")
    Path home;

    @Option(names = "--cache", paramLabel = "DIR", description = "built MinIO and unpacked registry (env TICKLAKE_CACHE; default ~/.cache/ticklake)")
    Path cache;

    @Option(names = "--kafka-port", paramLabel = "PORT", description = "Kafka listener (env TICKLAKE_KAFKA_PORT; default 9092)")
    Integer kafkaPort;

    @Option(names = "--controller-port", paramLabel = "PORT", description = "KRaft controller (env TICKLAKE_CONTROLLER_PORT; default 9093)")
    Integer controllerPort;

    @Option(names = "--brokers", paramLabel = "N", description = "Kafka nodes, each broker and KRaft controller; node n uses the Kafka and controller ports + 100*(n-1); replication min(N, 3), min.insync.replicas one less (env TICKLAKE_KAFKA_BROKERS; default 1)")
    Integer brokers;

    @Option(names = "--registry-port", paramLabel = "PORT", description = "Schema Registry (env TICKLAKE_REGISTRY_PORT; default 8081)")
    Integer registryPort;

    @Option(names = "--connect-port", paramLabel = "PORT", description = "Connect REST API (env TICKLAKE_CONNECT_PORT; default 8083)")
    Integer connectPort;

    @Option(names = "--minio-port", paramLabel = "PORT", description = "MinIO S3 API (env TICKLAKE_MINIO_PORT; default 9000)")
    Integer minioPort;

    @Option(names = "--minio-console-port", paramLabel = "PORT", description = "MinIO console (env TICKLAKE_MINIO_CONSOLE_PORT; default 9001)")
    Integer minioConsolePort;

    @Option(names = "--bucket", paramLabel = "NAME", description = "lake bucket created on MinIO (env TICKLAKE_S3_BUCKET; default ticklake)")
    String bucket;

    @Option(names = "--plugin-path", paramLabel = "DIRS", description = "Connect plugin.path, ':'-separated (env TICKLAKE_CONNECT_PLUGIN_PATH; default <repo>/connect-sink/target/plugin)")
    String pluginPath;

    @Option(names = "--plugin-discovery", paramLabel = "MODE", description = "Connect plugin.discovery (env TICKLAKE_CONNECT_PLUGIN_DISCOVERY; default service_load)")
    String pluginDiscovery;

    @Option(names = "--start-timeout", paramLabel = "SECONDS", description = "how long each service may take to become healthy (env TICKLAKE_START_TIMEOUT; default 120)")
    Integer startTimeoutSeconds;

    @Option(names = "--security", paramLabel = "MODE", description = "plaintext, or sasl_ssl: Kafka over SASL_SSL (SCRAM-SHA-512) and the registry over HTTPS, credentials and certificates made in <home>/security (env TICKLAKE_SECURITY; default: the mode the home was first started with, else plaintext)")
    String security;

    PlatformConfig toConfig(Map<String, String> environment) {
        PlatformConfig.Builder builder = PlatformConfig.builder().applyEnvironment(environment);
        if (home != null) {
            builder.home(home);
        }
        if (cache != null) {
            builder.cacheDir(cache);
        }
        if (kafkaPort != null) {
            builder.kafkaPort(kafkaPort);
        }
        if (controllerPort != null) {
            builder.controllerPort(controllerPort);
        }
        if (brokers != null) {
            builder.kafkaBrokers(brokers);
        }
        if (registryPort != null) {
            builder.registryPort(registryPort);
        }
        if (connectPort != null) {
            builder.connectPort(connectPort);
        }
        if (minioPort != null) {
            builder.minioPort(minioPort);
        }
        if (minioConsolePort != null) {
            builder.minioConsolePort(minioConsolePort);
        }
        if (bucket != null) {
            builder.bucket(bucket);
        }
        if (pluginPath != null) {
            builder.connectPluginPath(pluginPath);
        }
        if (pluginDiscovery != null) {
            builder.connectPluginDiscovery(pluginDiscovery);
        }
        if (startTimeoutSeconds != null) {
            builder.startTimeout(Duration.ofSeconds(startTimeoutSeconds));
        }
        if (security != null) {
            builder.security(SecurityMode.parse(security, "--security"));
        }
        return builder.build();
    }
}
