package io.ticklake.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code <home>/endpoints.env}: the running platform's addresses as shell variables, for scripts
 * and other modules' launchers ({@code source .ticklake/endpoints.env}). It holds the S3 secret, so it is
 * readable by its owner only (0600), from the moment it exists.
 */
final class EndpointsFile {

    private final Path file;

    EndpointsFile(Path file) {
        this.file = file;
    }

    void write(Platform platform) {
        PlatformConfig config = platform.config();
        String content = "# written by 'infra/platform up'; removed by 'infra/platform down'\n"
                + "KAFKA_BOOTSTRAP_SERVERS=" + platform.kafka().bootstrapServers() + "\n"
                + "SCHEMA_REGISTRY_URL=" + platform.registry().schemaRegistryUrl() + "\n"
                + "S3_ENDPOINT=" + platform.minio().endpoint() + "\n"
                + "S3_BUCKET=" + config.bucket() + "\n"
                + "S3_ACCESS_KEY=" + config.accessKey() + "\n"
                + "S3_SECRET_KEY=" + config.secretKey() + "\n"
                + "S3_REGION=" + config.region() + "\n"
                + "CONNECT_URL=" + platform.connect().url() + "\n"
                + "CONNECT_SECRETS=" + platform.connect().secretsFile() + "\n"
                + platform.security().map(s -> "KAFKA_CLIENT_CONFIG=" + s.clientConfigFile() + "\n").orElse("");
        try {
            Files.createDirectories(file.getParent());
            Path staged = Files.createTempFile(file.getParent(), ".endpoints", ".env",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(staged, content);
            Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
