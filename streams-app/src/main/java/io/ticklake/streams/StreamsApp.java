package io.ticklake.streams;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Standalone runner: {@code StreamsApp [config.properties] [key=value ...]}. Reads the configuration
 * (file first, then the overrides), starts one {@link KpiApplication}, and closes it on shutdown.
 * {@code --help} prints the configuration table.
 */
public final class StreamsApp {

    private StreamsApp() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println("usage: StreamsApp [config.properties] [key=value ...]\n");
            System.out.print(StreamsAppConfig.markdownTable());
            return;
        }
        KpiApplication application = KpiApplication.start(new StreamsAppConfig(parse(args)));
        Runtime.getRuntime().addShutdownHook(new Thread(application::close, "ticklake-streams-shutdown"));
        if (application.awaitStop()) {
            System.exit(1);
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
