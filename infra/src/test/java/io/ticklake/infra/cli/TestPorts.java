package io.ticklake.infra.cli;

import io.ticklake.infra.PlatformConfig;
import io.ticklake.infra.process.Ports;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** An environment that points the CLI at a temporary home and fresh free ports. */
final class TestPorts {

    private TestPorts() {
    }

    static Map<String, String> environment(Path home) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TICKLAKE_HOME", home.toString());
        for (String variable : new String[] {"TICKLAKE_KAFKA_PORT", "TICKLAKE_CONTROLLER_PORT", "TICKLAKE_REGISTRY_PORT",
                "TICKLAKE_CONNECT_PORT", "TICKLAKE_MINIO_PORT", "TICKLAKE_MINIO_CONSOLE_PORT"}) {
            env.put(variable, Integer.toString(Ports.pickFree(PlatformConfig.HOST)));
        }
        String cache = System.getenv("TICKLAKE_CACHE");
        if (cache != null) {
            env.put("TICKLAKE_CACHE", cache);
        }
        return env;
    }

    static int port(Map<String, String> environment, String variable) {
        return Integer.parseInt(environment.get(variable));
    }

    static Map<String, String> with(Map<String, String> environment, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(environment);
        copy.put(key, value);
        return copy;
    }
}
