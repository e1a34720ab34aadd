package io.ticklake.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.registry.RegistryClientSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which Authorization header reaches the registry for each credentials source (Confluent's rules). */
class RegistryBasicAuthTest {

    private HttpServer server;
    private final CopyOnWriteArrayList<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startRecorder() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{\"id\": 7}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopRecorder() {
        server.stop(0);
    }

    @Test
    void userInfoSourceSendsTheConfiguredCredentials() {
        serialize(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url(""),
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                AvroSerdeConfig.BASIC_AUTH_USER_INFO, "alice:s3cret", AvroSerdeConfig.BASIC_AUTH_ALLOW_HTTP, "true"));

        assertThat(authorizations).containsExactly(basic("alice:s3cret"));
    }

    @Test
    void credentialsOverPlainHttpAreRefusedBeforeAnythingIsSent() {
        for (Map<String, Object> config : List.<Map<String, Object>>of(
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url(""), AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE,
                        "USER_INFO", AvroSerdeConfig.BASIC_AUTH_USER_INFO, "alice:s3cret"),
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url("alice:s3cret@")))) {
            assertThatThrownBy(() -> serialize(config)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining(AvroSerdeConfig.SCHEMA_REGISTRY_URL)
                    .hasMessageContaining(AvroSerdeConfig.BASIC_AUTH_ALLOW_HTTP)
                    .hasMessageNotContaining("s3cret");
        }
        assertThat(authorizations).isEmpty();
        assertThat(new AvroSerdeConfig(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url(""),
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO", AvroSerdeConfig.BASIC_AUTH_USER_INFO,
                "alice:s3cret", AvroSerdeConfig.BASIC_AUTH_ALLOW_HTTP, "true")).registrySettings().toString())
                .doesNotContain("s3cret");
    }

    @Test
    void urlSourceTakesTheCredentialsFromTheUrlAndKeepsThemOutOfMessages() {
        serialize(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url("bob:pa%3Ass@"), AvroSerdeConfig.BASIC_AUTH_ALLOW_HTTP, true));

        assertThat(authorizations).containsExactly(basic("bob:pa:ss"));
        RegistryClientSettings settings = new AvroSerdeConfig(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                url("bob:pa%3Ass@"), AvroSerdeConfig.BASIC_AUTH_ALLOW_HTTP, true)).registrySettings();
        assertThat(settings.describeUrls()).doesNotContain("bob").doesNotContain("pa");
    }

    @Test
    void noCredentialsSendsNoHeader() {
        serialize(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url("")));

        assertThat(authorizations).containsExactly("null");
    }

    @Test
    void userInfoSourceWithoutUserInfoIsAConfigError() {
        assertThatThrownBy(() -> serialize(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url(""),
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(AvroSerdeConfig.BASIC_AUTH_USER_INFO);
    }

    @Test
    void unknownCredentialsSourceNamesTheAllowedValues() {
        assertThatThrownBy(() -> serialize(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url(""),
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "SASL_INHERIT")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE)
                .hasMessageContaining("USER_INFO");
    }

    private void serialize(Map<String, Object> config) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        serializer.serialize("auth-topic", StockTick.newBuilder().setSymbol("A").setPrice(1).setVolume(1)
                .setEventTime(java.time.Instant.EPOCH).setSequence(1).setSource("SIMULATOR").build());
    }

    private String url(String userInfo) {
        return "http://" + userInfo + "127.0.0.1:" + server.getAddress().getPort();
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }
}
