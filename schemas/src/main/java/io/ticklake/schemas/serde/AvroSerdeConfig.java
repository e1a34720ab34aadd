package io.ticklake.schemas.serde;

import io.ticklake.schemas.registry.RegistryClientSettings;
import io.ticklake.schemas.registry.RegistryTls;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Configuration of the Avro serde. The keys are Confluent's own, so a user can swap in Confluent's
 * {@code KafkaAvroSerializer} without touching configuration.
 */
public final class AvroSerdeConfig extends AbstractConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final boolean AUTO_REGISTER_SCHEMAS_DEFAULT = true;
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final boolean USE_LATEST_VERSION_DEFAULT = false;
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
    public static final long LATEST_CACHE_TTL_SEC_DEFAULT = -1L;
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final boolean SPECIFIC_AVRO_READER_DEFAULT = false;
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE_DEFAULT = "URL";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String TOPIC_NAME_STRATEGY = "io.confluent.kafka.serializers.subject.TopicNameStrategy";
    public static final String MAX_RETRIES = "max.retries";
    public static final int MAX_RETRIES_DEFAULT = 3;
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    public static final long RETRIES_WAIT_MS_DEFAULT = 200L;
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
    public static final long RETRIES_MAX_WAIT_MS_DEFAULT = 5_000L;
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final long HTTP_CONNECT_TIMEOUT_MS_DEFAULT = 10_000L;
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
    public static final long HTTP_READ_TIMEOUT_MS_DEFAULT = 30_000L;
    public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    public static final String SSL_KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
    public static final String SSL_KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
    public static final String SSL_KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
    public static final String SSL_KEY_PASSWORD = "schema.registry.ssl.key.password";
    public static final String STORE_TYPE_DEFAULT = "PKCS12";
    /** Not Confluent's: basic auth over plain http:// is refused unless this is true. */
    public static final String BASIC_AUTH_ALLOW_HTTP = "schema.registry.basic.auth.allow.http";

    /** Names under which the only supported subject strategy (TopicNameStrategy) may be given. */
    static final Set<String> TOPIC_NAME_STRATEGY_NAMES = Set.of(TOPIC_NAME_STRATEGY,
            "io.ticklake.schemas.serde.TopicNameStrategy", "TopicNameStrategy");

    public static final ConfigDef CONFIG = new ConfigDef()
            .define(SCHEMA_REGISTRY_URL, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                    "Comma-separated registry URLs; mock://<scope> selects an in-memory registry for unit tests")
            .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, AUTO_REGISTER_SCHEMAS_DEFAULT, Importance.MEDIUM,
                    "Register the record's schema under its subject on first use")
            .define(USE_LATEST_VERSION, Type.BOOLEAN, USE_LATEST_VERSION_DEFAULT, Importance.MEDIUM,
                    "Serialize with the subject's latest registered schema instead of the record's own")
            .define(LATEST_CACHE_TTL_SEC, Type.LONG, LATEST_CACHE_TTL_SEC_DEFAULT, Importance.LOW,
                    "Seconds a subject's latest version is cached; -1 caches forever")
            .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, SPECIFIC_AVRO_READER_DEFAULT, Importance.MEDIUM,
                    "Deserialize into generated SpecificRecord classes instead of GenericRecord")
            .define(BASIC_AUTH_CREDENTIALS_SOURCE, Type.STRING, BASIC_AUTH_CREDENTIALS_SOURCE_DEFAULT,
                    ConfigDef.ValidString.in("URL", "USER_INFO"), Importance.MEDIUM,
                    "Where basic-auth credentials come from: the URL's user info, or basic.auth.user.info")
            .define(BASIC_AUTH_USER_INFO, Type.PASSWORD, "", Importance.MEDIUM,
                    "user:password for basic auth when the credentials source is USER_INFO")
            .define(KEY_SUBJECT_NAME_STRATEGY, Type.STRING, TOPIC_NAME_STRATEGY,
                    ConfigDef.ValidString.in(TOPIC_NAME_STRATEGY_NAMES.toArray(String[]::new)), Importance.LOW,
                    "Subject name strategy for keys; only TopicNameStrategy (<topic>-key) is supported")
            .define(VALUE_SUBJECT_NAME_STRATEGY, Type.STRING, TOPIC_NAME_STRATEGY,
                    ConfigDef.ValidString.in(TOPIC_NAME_STRATEGY_NAMES.toArray(String[]::new)), Importance.LOW,
                    "Subject name strategy for values; only TopicNameStrategy (<topic>-value) is supported")
            .define(MAX_RETRIES, Type.INT, MAX_RETRIES_DEFAULT, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Retries of a registry call when the registry is unreachable or answers 5xx/408/429")
            .define(RETRIES_WAIT_MS, Type.LONG, RETRIES_WAIT_MS_DEFAULT, ConfigDef.Range.atLeast(0),
                    Importance.LOW, "Wait before the first retry; doubles per retry")
            .define(RETRIES_MAX_WAIT_MS, Type.LONG, RETRIES_MAX_WAIT_MS_DEFAULT, ConfigDef.Range.atLeast(0),
                    Importance.LOW, "Cap of the doubling retry wait")
            .define(HTTP_CONNECT_TIMEOUT_MS, Type.LONG, HTTP_CONNECT_TIMEOUT_MS_DEFAULT,
                    ConfigDef.Range.atLeast(1), Importance.LOW, "Registry connect timeout")
            .define(HTTP_READ_TIMEOUT_MS, Type.LONG, HTTP_READ_TIMEOUT_MS_DEFAULT,
                    ConfigDef.Range.atLeast(1), Importance.LOW, "Registry request timeout")
            .define(SSL_TRUSTSTORE_LOCATION, Type.STRING, "", Importance.MEDIUM,
                    "Truststore of an https:// registry whose certificate a private CA signed; empty: the JVM's CAs")
            .define(SSL_TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM, "Password of the truststore")
            .define(SSL_TRUSTSTORE_TYPE, Type.STRING, STORE_TYPE_DEFAULT, Importance.LOW, "PKCS12 or JKS")
            .define(SSL_KEYSTORE_LOCATION, Type.STRING, "", Importance.MEDIUM,
                    "Keystore with the client certificate, when the registry asks for one")
            .define(SSL_KEYSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM, "Password of the keystore")
            .define(SSL_KEYSTORE_TYPE, Type.STRING, STORE_TYPE_DEFAULT, Importance.LOW, "PKCS12 or JKS")
            .define(SSL_KEY_PASSWORD, Type.PASSWORD, null, Importance.LOW,
                    "Password of the client key; empty: the keystore's")
            .define(BASIC_AUTH_ALLOW_HTTP, Type.BOOLEAN, false, Importance.LOW,
                    "Send basic-auth credentials to an http:// registry (in clear text); by default that is refused");

    public AvroSerdeConfig(Map<String, ?> props) {
        super(CONFIG, props, false);
    }

    /** The registry URL as configured, e.g. to tell a {@code mock://} scope from a real registry. */
    public List<String> registryUrls() {
        List<String> urls = getList(SCHEMA_REGISTRY_URL);
        if (urls.isEmpty()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, "", "at least one URL is required");
        }
        return urls;
    }

    public boolean autoRegisterSchemas() {
        return getBoolean(AUTO_REGISTER_SCHEMAS);
    }

    public boolean useLatestVersion() {
        return getBoolean(USE_LATEST_VERSION);
    }

    public Duration latestCacheTtl() {
        long seconds = getLong(LATEST_CACHE_TTL_SEC);
        return seconds < 0 ? Duration.ofSeconds(-1) : Duration.ofSeconds(seconds);
    }

    public boolean specificAvroReader() {
        return getBoolean(SPECIFIC_AVRO_READER);
    }

    /** HTTP settings for a real registry: URLs without credentials, and the credentials by source. */
    public RegistryClientSettings registrySettings() {
        List<URI> urls = new ArrayList<>();
        String urlUserInfo = null;
        for (String url : registryUrls()) {
            URI uri = URI.create(RegistryClientSettings.stripSlashForConfig(url));
            if (uri.getRawUserInfo() != null && urlUserInfo == null) {
                urlUserInfo = java.net.URLDecoder.decode(uri.getRawUserInfo(), java.nio.charset.StandardCharsets.UTF_8);
            }
            urls.add(withoutUserInfo(uri));
        }
        String userInfo = "USER_INFO".equals(getString(BASIC_AUTH_CREDENTIALS_SOURCE))
                ? getPassword(BASIC_AUTH_USER_INFO).value() : urlUserInfo;
        if ("USER_INFO".equals(getString(BASIC_AUTH_CREDENTIALS_SOURCE)) && (userInfo == null || userInfo.isEmpty())) {
            throw new ConfigException(BASIC_AUTH_USER_INFO, new Password("").toString(),
                    "must be user:password when " + BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO");
        }
        RegistryClientSettings settings = new RegistryClientSettings(urls, userInfo, getInt(MAX_RETRIES),
                Duration.ofMillis(getLong(RETRIES_WAIT_MS)), Duration.ofMillis(getLong(RETRIES_MAX_WAIT_MS)),
                Duration.ofMillis(getLong(HTTP_CONNECT_TIMEOUT_MS)), Duration.ofMillis(getLong(HTTP_READ_TIMEOUT_MS)),
                tls());
        if (settings.authorizationHeader().isPresent() && settings.hasPlainHttpUrl()
                && !getBoolean(BASIC_AUTH_ALLOW_HTTP)) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, settings.describeUrls(), "basic-auth credentials would"
                    + " cross http:// in clear text: use https:// (with " + SSL_TRUSTSTORE_LOCATION
                    + " for a private CA), or set " + BASIC_AUTH_ALLOW_HTTP + "=true");
        }
        return settings;
    }

    /** The TLS stores, or null when none is configured (the JVM's defaults). */
    private RegistryTls tls() {
        String truststore = getString(SSL_TRUSTSTORE_LOCATION);
        String keystore = getString(SSL_KEYSTORE_LOCATION);
        if (truststore.isBlank() && keystore.isBlank()) {
            return null;
        }
        return new RegistryTls(truststore.isBlank() ? null : Path.of(truststore), password(SSL_TRUSTSTORE_PASSWORD),
                getString(SSL_TRUSTSTORE_TYPE), keystore.isBlank() ? null : Path.of(keystore),
                password(SSL_KEYSTORE_PASSWORD), getString(SSL_KEYSTORE_TYPE), password(SSL_KEY_PASSWORD));
    }

    private String password(String key) {
        Password password = getPassword(key);
        return password == null || password.value().isEmpty() ? null : password.value();
    }

    private static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, uri.toString(), e.getMessage());
        }
    }
}
