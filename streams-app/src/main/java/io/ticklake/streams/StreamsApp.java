package io.ticklake.streams;

import io.ticklake.streams.host.KpiInstance;
import io.ticklake.streams.http.KpiHttpServer;
import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Standalone runner: {@code StreamsApp [config.properties] [key=value ...]}. Reads the configuration
 * (file first, then the overrides), runs one {@link KpiInstance} with its forwarding endpoint on the
 * JDK HTTP server at {@code application.server}, and closes both on shutdown. {@code --help} prints
 * the configuration table. The integration tests and the benchmark run instances through
 * {@link #start(StreamsAppConfig)}, so they test what ships.
 */
public final class StreamsApp implements AutoCloseable {

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
        StreamsApp app = start(new StreamsAppConfig(parse(args)));
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "ticklake-streams-shutdown"));
        if (app.instance().awaitStop()) {
            System.exit(1);
        }
    }

    /**
     * Binds the HTTP server when {@code application.server} is set, then starts the instance with the
     * bound port in {@code application.server} (port 0: any free port), so other instances forward to
     * where this one listens.
     */
    public static StreamsApp start(StreamsAppConfig config) {
        KpiInstance instance = new KpiInstance(config);
        HostInfo server = config.applicationServer();
        if (server == null) {
            instance.start();
            return new StreamsApp(instance, null);
        }
        KpiHttpServer http = new KpiHttpServer(new InetSocketAddress(server.host(), server.port()),
                instance.forwarding());
        try {
            instance.start(config.with(StreamsAppConfig.APPLICATION_SERVER, server.host() + ":" + http.port()));
        } catch (RuntimeException e) {
            http.close();
            instance.close();
            throw e;
        }
        return new StreamsApp(instance, http);
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
