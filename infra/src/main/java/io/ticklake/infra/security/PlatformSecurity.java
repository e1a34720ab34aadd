package io.ticklake.infra.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secured platform's credentials, made once per data directory in {@code <home>/security/} (0700):
 * random passwords in {@code secrets.properties} (0600), a private CA, one server certificate for
 * 127.0.0.1/localhost that the broker and the registry present ({@code server.p12}), the CA alone as
 * the clients' truststore ({@code truststore.p12}), and {@code client.properties} (0600), the client
 * configuration every TickLake component takes. Two SCRAM users exist: {@value #ADMIN_USER} (the
 * broker itself and the launcher's topic administration) and {@value #CLIENT_USER} (every client).
 */
public final class PlatformSecurity {

    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String ADMIN_USER = "admin";
    public static final String CLIENT_USER = "ticklake";
    /** Keys of {@link #secretsFile()}. */
    public static final String ADMIN_PASSWORD = "admin.password";
    public static final String CLIENT_PASSWORD = "client.password";
    public static final String ADMIN_JAAS = "admin.sasl.jaas.config";
    public static final String CLIENT_JAAS = "client.sasl.jaas.config";
    public static final String KEYSTORE_PASSWORD = "keystore.password";
    public static final String TRUSTSTORE_PASSWORD = "truststore.password";

    private static final Logger LOG = LoggerFactory.getLogger(PlatformSecurity.class);
    private static final String STORE_TYPE = "PKCS12";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private Properties secrets;

    public PlatformSecurity(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** {@code <home>/security}. */
    public Path dir() {
        return dir;
    }

    /** Passwords and JAAS lines (0600), read by the broker's and Connect's {@code file} config provider. */
    public Path secretsFile() {
        return dir.resolve("secrets.properties");
    }

    /** The server key and certificate (signed by the CA) of the broker and the registry. */
    public Path keystore() {
        return dir.resolve("server.p12");
    }

    /** The CA certificate alone: what clients trust. */
    public Path truststore() {
        return dir.resolve("truststore.p12");
    }

    /** The CA certificate in PEM, for tools that want one (curl --cacert). */
    public Path caCertificate() {
        return dir.resolve("ca.crt");
    }

    /** The client configuration (0600) with the client user's credentials. */
    public Path clientConfigFile() {
        return dir.resolve("client.properties");
    }

    /** Makes the passwords and the certificates unless they exist; reads them otherwise. */
    public synchronized void ensure() {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            if (!Files.exists(secretsFile())) {
                writeSecrets();
                secrets = null;
            }
            if (secrets == null) {
                secrets = load(secretsFile());
            }
            if (!Files.exists(keystore()) || !Files.exists(truststore())) {
                makeCertificates();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the platform's credentials in " + dir, e);
        }
    }

    /** A value of {@link #secretsFile()}; makes the credentials first if needed. */
    public synchronized String secret(String key) {
        if (secrets == null) {
            ensure();
        }
        String value = secrets.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(secretsFile() + " has no " + key + "; delete " + dir + " to make new credentials");
        }
        return value;
    }

    /** A config-provider reference to {@code key} of {@link #secretsFile()}, for configs that are stored. */
    public String reference(String key) {
        return "${file:" + secretsFile() + ":" + key + "}";
    }

    /** The SASL JAAS line of a SCRAM user. */
    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /**
     * The Kafka client security settings with the JAAS line and truststore password given as they
     * are (literal values, or {@link #reference} strings for a stored config).
     */
    public Map<String, String> kafkaClientSettings(String jaasConfig, String truststorePassword) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("security.protocol", "SASL_SSL");
        settings.put("sasl.mechanism", MECHANISM);
        settings.put("sasl.jaas.config", jaasConfig);
        settings.put("ssl.truststore.location", truststore().toString());
        settings.put("ssl.truststore.type", STORE_TYPE);
        settings.put("ssl.truststore.password", truststorePassword);
        return settings;
    }

    /** The admin user's client settings, for the launcher's own admin calls. */
    public Map<String, String> adminClientSettings() {
        return kafkaClientSettings(secret(ADMIN_JAAS), secret(TRUSTSTORE_PASSWORD));
    }

    /** Confluent's {@code schema.registry.ssl.*} settings trusting the CA. */
    public Map<String, String> registryTlsSettings(String truststorePassword) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("schema.registry.ssl.truststore.location", truststore().toString());
        settings.put("schema.registry.ssl.truststore.type", STORE_TYPE);
        settings.put("schema.registry.ssl.truststore.password", truststorePassword);
        return settings;
    }

    /** An SSL context trusting the CA, for the launcher's HTTPS calls to the registry. */
    public SSLContext sslContext() {
        try (InputStream in = Files.newInputStream(truststore())) {
            KeyStore store = KeyStore.getInstance(STORE_TYPE);
            store.load(in, secret(TRUSTSTORE_PASSWORD).toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the truststore " + truststore() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@link #clientConfigFile()}: the client user's Kafka settings, and the bootstrap servers and
     * registry (with its TLS settings) when known (null when that service has not started).
     */
    public synchronized void writeClientConfig(String bootstrapServers, String schemaRegistryUrl) {
        Properties client = new Properties();
        if (bootstrapServers != null) {
            client.put("bootstrap.servers", bootstrapServers);
        }
        kafkaClientSettings(jaasConfig(CLIENT_USER, secret(CLIENT_PASSWORD)), secret(TRUSTSTORE_PASSWORD)).forEach(client::put);
        if (schemaRegistryUrl != null) {
            client.put("schema.registry.url", schemaRegistryUrl);
            registryTlsSettings(secret(TRUSTSTORE_PASSWORD)).forEach(client::put);
        }
        writePrivate(clientConfigFile(), client, "TickLake client settings of the local secured platform (user "
                + CLIENT_USER + "): give this file to every client");
    }

    private void writeSecrets() throws IOException {
        Properties values = new Properties();
        String admin = password();
        String client = password();
        values.setProperty(ADMIN_PASSWORD, admin);
        values.setProperty(CLIENT_PASSWORD, client);
        values.setProperty(ADMIN_JAAS, jaasConfig(ADMIN_USER, admin));
        values.setProperty(CLIENT_JAAS, jaasConfig(CLIENT_USER, client));
        values.setProperty(KEYSTORE_PASSWORD, password());
        values.setProperty(TRUSTSTORE_PASSWORD, password());
        writePrivate(secretsFile(), values, "passwords of the local secured platform, made on its first start");
        LOG.info("made new SCRAM users {} and {} and store passwords in {}", ADMIN_USER, CLIENT_USER, secretsFile());
    }

    /** A CA, a server certificate for 127.0.0.1 and localhost signed by it, and a truststore with the CA. */
    private void makeCertificates() throws IOException {
        LOG.info("making a CA and a server certificate in {}", dir);
        Path ca = dir.resolve("ca.p12");
        Path request = dir.resolve("server.csr");
        Path signed = dir.resolve("server.crt");
        for (Path stale : new Path[] {ca, keystore(), truststore(), request, signed, caCertificate()}) {
            Files.deleteIfExists(stale);
        }
        Keytool keytool = new Keytool(dir, Map.of(
                "TICKLAKE_CA_PASSWORD", secret(KEYSTORE_PASSWORD),
                "TICKLAKE_KEYSTORE_PASSWORD", secret(KEYSTORE_PASSWORD),
                "TICKLAKE_TRUSTSTORE_PASSWORD", secret(TRUSTSTORE_PASSWORD)));
        keytool.run("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=TickLake local CA", "-validity", "3650",
                "-ext", "BC:critical=ca:true", "-ext", "KU:critical=keyCertSign,cRLSign",
                "-keystore", ca.toString(), "-storetype", STORE_TYPE, "-storepass:env", "TICKLAKE_CA_PASSWORD");
        keytool.run("-exportcert", "-rfc", "-alias", "ca", "-file", caCertificate().toString(),
                "-keystore", ca.toString(), "-storepass:env", "TICKLAKE_CA_PASSWORD");
        keytool.run("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-validity", "825",
                "-keystore", keystore().toString(), "-storetype", STORE_TYPE, "-storepass:env", "TICKLAKE_KEYSTORE_PASSWORD");
        keytool.run("-certreq", "-alias", "server", "-file", request.toString(),
                "-keystore", keystore().toString(), "-storepass:env", "TICKLAKE_KEYSTORE_PASSWORD");
        keytool.run("-gencert", "-rfc", "-alias", "ca", "-infile", request.toString(), "-outfile", signed.toString(),
                "-validity", "825", "-ext", "SAN=IP:127.0.0.1,DNS:localhost",
                "-ext", "KU:critical=digitalSignature,keyAgreement", "-ext", "EKU=serverAuth",
                "-keystore", ca.toString(), "-storepass:env", "TICKLAKE_CA_PASSWORD");
        keytool.run("-importcert", "-noprompt", "-alias", "ca", "-file", caCertificate().toString(),
                "-keystore", keystore().toString(), "-storepass:env", "TICKLAKE_KEYSTORE_PASSWORD");
        keytool.run("-importcert", "-alias", "server", "-file", signed.toString(),
                "-keystore", keystore().toString(), "-storepass:env", "TICKLAKE_KEYSTORE_PASSWORD");
        keytool.run("-importcert", "-noprompt", "-alias", "ticklake-ca", "-file", caCertificate().toString(),
                "-keystore", truststore().toString(), "-storetype", STORE_TYPE,
                "-storepass:env", "TICKLAKE_TRUSTSTORE_PASSWORD");
        Files.delete(request);
        Files.delete(signed);
    }

    private static String password() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    /** Writes {@code values} to a new 0600 file and moves it into place, so no one can read it half-written. */
    private static void writePrivate(Path file, Properties values, String comment) {
        try {
            Path staged = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(staged)) {
                values.store(out, comment);
            }
            Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
