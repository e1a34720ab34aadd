package io.ticklake.streams;

import io.ticklake.streams.host.KpiInstance;
import io.ticklake.streams.http.KpiHttpServer;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Standalone runner: {@code StreamsApp [config.properties] [key=value ...]}. Reads the configuration
 * (file first, then the overrides), runs one {@link KpiInstance} with its forwarding endpoint on the
 * JDK HTTP server at {@code application.server}, and closes both on shutdown. {@code --help} prints
 * the configuration table; {@value #CLUSTER_SECRET_VARIABLE} in the environment is the cluster secret.
 * The integration tests and the benchmark run instances through {@link #start(StreamsAppConfig)},
 * so they test what ships.
 */
public final class StreamsApp implements AutoCloseable {

    /** The environment variable of the cluster secret, as the dashboard reads it. */
    public static final String CLUSTER_SECRET_VARIABLE = "TICKLAKE_CLUSTER_SECRET";

    private final KpiInstance instance;
    private final KpiHttpServer http;

    private StreamsApp(KpiInstance instance, KpiHttpServer http) {
        this.instance = instance;
        this.http = http;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println("usage: StreamsApp [config.properties] [key=value ...]\n");
            System.out.print(StreamsAppConfig.markdownTable());
            return;
        }
        StreamsApp app = start(new StreamsAppConfig(parse(args)), clusterSecretFromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "ticklake-streams-shutdown"));
        if (app.instance().awaitStop()) {
            System.exit(1);
        }
    }

    /** {@value #CLUSTER_SECRET_VARIABLE}, when set: not a config key, which Kafka Streams would log. */
    static Optional<String> clusterSecretFromEnvironment() {
        return Optional.ofNullable(System.getenv(CLUSTER_SECRET_VARIABLE)).filter(secret -> !secret.isBlank());
    }

    /** Without a cluster secret, on loopback only: {@link #start(StreamsAppConfig, Optional)}. */
    public static StreamsApp start(StreamsAppConfig config) {
        return start(config, Optional.empty());
    }

    /**
     * Binds the HTTP server when {@code application.server} is set, then starts the instance with the
     * bound port in {@code application.server} (port 0: any free port), so other instances forward to
     * where this one listens. With a cluster secret the instance sends it when it forwards and the server
     * answers only requests that carry it; without one the server may bind a loopback address only.
     */
    public static StreamsApp start(StreamsAppConfig config, Optional<String> clusterSecret) {
        HostInfo server = config.applicationServer();
        if (server != null && clusterSecret.isEmpty() && !isLoopback(server.host())) {
            throw new ConfigException(StreamsAppConfig.APPLICATION_SERVER, server.host() + ":" + server.port(),
                    "a non-loopback address serves the KPI paths to the network: set " + CLUSTER_SECRET_VARIABLE
                            + " on every instance, or bind 127.0.0.1");
        }
        KpiInstance instance = new KpiInstance(config, clusterSecret);
        if (server == null) {
            instance.start();
            return new StreamsApp(instance, null);
        }
        KpiHttpServer http = new KpiHttpServer(new InetSocketAddress(server.host(), server.port()),
                instance.forwarding(), clusterSecret);
        try {
            instance.start(config.with(StreamsAppConfig.APPLICATION_SERVER, server.host() + ":" + http.port()));
        } catch (RuntimeException e) {
            http.close();
            instance.close();
            throw e;
        }
        return new StreamsApp(instance, http);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new ConfigException(StreamsAppConfig.APPLICATION_SERVER, host, "unknown host");
        }
    }

    /** The running instance. */
    public KpiInstance instance() {
        return instance;
    }

    @Override
    public void close() {
        instance.close();
        if (http != null) {
            http.close();
        }
    }

    static Properties parse(String[] args) throws IOException {
        Properties props = new Properties();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals > 0) {
                props.setProperty(arg.substring(0, equals).trim(), arg.substring(equals + 1).trim());
            } else {
                try (Reader reader = Files.newBufferedReader(Path.of(arg), StandardCharsets.UTF_8)) {
                    Properties file = new Properties();
                    file.load(reader);
                    file.forEach(props::putIfAbsent);
                }
            }
        }
        return props;
    }
}
