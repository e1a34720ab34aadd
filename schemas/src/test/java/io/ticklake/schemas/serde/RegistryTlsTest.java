package io.ticklake.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.registry.RegistryTls;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry client over HTTPS with Confluent's {@code schema.registry.ssl.*} keys, against a real TLS
 * server whose self-signed certificate keytool makes for each run.
 */
class RegistryTlsTest {

    private static final String STORE_PASSWORD = "changeit-test";

    @TempDir
    Path dir;

    private HttpsServer server;
    private Path truststore;
    private final CopyOnWriteArrayList<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startHttpsRegistry() throws Exception {
        Path keystore = dir.resolve("registry.p12");
        truststore = dir.resolve("truststore.p12");
        Path certificate = dir.resolve("registry.crt");
        keytool("-genkeypair", "-alias", "registry", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD);
        keytool("-exportcert", "-alias", "registry", "-rfc", "-file", certificate.toString(),
                "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD);
        keytool("-importcert", "-noprompt", "-alias", "registry-ca", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", truststore.toString(), "-storepass", STORE_PASSWORD);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(new RegistryTls(null, null, "PKCS12", keystore,
                STORE_PASSWORD, "PKCS12", null).sslContext()));
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{\"id\": 11}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aPrivateCaTruststoreReachesTheRegistryWithBasicAuth() {
        byte[] bytes = serialize(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url(),
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO", AvroSerdeConfig.BASIC_AUTH_USER_INFO,
                "alice:s3cret", AvroSerdeConfig.SSL_TRUSTSTORE_LOCATION, truststore.toString(),
                AvroSerdeConfig.SSL_TRUSTSTORE_PASSWORD, STORE_PASSWORD));

        assertThat(bytes[0]).isZero();
        assertThat(bytes[4]).as("the id the registry gave").isEqualTo((byte) 11);
        assertThat(authorizations).hasSize(1).allMatch(header -> header.startsWith("Basic "));
    }

    @Test
    void withoutTheTruststoreTheRegistrysCertificateIsNotTrusted() {
        assertThatThrownBy(() -> serialize(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url(),
                AvroSerdeConfig.MAX_RETRIES, 0)))
                .hasStackTraceContaining("SSLHandshakeException");
        assertThat(authorizations).isEmpty();
    }

    @Test
    void aWrongTruststorePasswordNamesTheStore() {
        assertThatThrownBy(() -> serialize(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url(),
                AvroSerdeConfig.SSL_TRUSTSTORE_LOCATION, truststore.toString(),
                AvroSerdeConfig.SSL_TRUSTSTORE_PASSWORD, "wrong-password")))
                .hasMessageContaining(truststore.toString()).hasMessageNotContaining("wrong-password");
        assertThat(authorizations).isEmpty();
    }

    private byte[] serialize(Map<String, Object> config) {
        try (KafkaAvroSerializer serializer = new KafkaAvroSerializer()) {
            serializer.configure(config, false);
            return serializer.serialize("tls-topic", StockTick.newBuilder().setSymbol("A").setPrice(1).setVolume(1)
                    .setEventTime(Instant.EPOCH).setSequence(1).setSource("SIMULATOR").build());
        }
    }

    private String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(process.exitValue()).as("keytool %s: %s", args[0], output).isZero();
    }
}
