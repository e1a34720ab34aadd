package io.ticklake.infra.cli;

/** Entry point of {@code infra/platform}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Before any logger exists: the launcher's own progress at info, Kafka's client chatter only when it matters.
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setDefault("org.slf4j.simpleLogger.log.io.ticklake", "warn");
        setDefault("org.slf4j.simpleLogger.showDateTime", "true");
        System.exit(PlatformCli.run(args, System.getenv(), System.out, System.err));
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
