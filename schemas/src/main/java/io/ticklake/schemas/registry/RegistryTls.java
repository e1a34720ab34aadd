package io.ticklake.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS of the registry client, from Confluent's {@code schema.registry.ssl.*} settings: a truststore for a
 * registry whose certificate a private CA signed, and a keystore when the registry asks for a client
 * certificate. Without either the JVM's defaults apply (its CA certificates, no client certificate).
 *
 * @param truststore         path of the truststore, or null for the JVM's CA certificates
 * @param truststorePassword its password, or null
 * @param truststoreType     {@code PKCS12} or {@code JKS}
 * @param keystore           path of the keystore holding the client certificate and key, or null
 * @param keystorePassword   its password, or null
 * @param keystoreType       {@code PKCS12} or {@code JKS}
 * @param keyPassword        the key's password, or null for the keystore's
 */
public record RegistryTls(Path truststore, String truststorePassword, String truststoreType, Path keystore,
                          String keystorePassword, String keystoreType, String keyPassword) {

    /** The SSL context of these stores; an unreadable store or a wrong password is named. */
    public SSLContext sslContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(truststore == null ? null : load(truststore, truststoreType, truststorePassword));
            KeyManagerFactory keys = null;
            if (keystore != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                String password = keyPassword != null ? keyPassword : keystorePassword;
                keys.init(load(keystore, keystoreType, keystorePassword),
                        password == null ? new char[0] : password.toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS to the schema registry with " + this + ": "
                    + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, String type, String password) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password == null ? null : password.toCharArray());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the " + type + " store " + file + ": " + e.getMessage(), e);
        }
        return store;
    }

    @Override
    public String toString() {
        // never print a password
        return "RegistryTls[truststore=" + truststore + " (" + truststoreType + "), keystore=" + keystore + " ("
                + keystoreType + ")]";
    }
}
