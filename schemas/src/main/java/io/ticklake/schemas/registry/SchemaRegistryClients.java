package io.ticklake.schemas.registry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Creates the client a URL asks for: an in-memory registry for {@code mock://<scope>}, else REST with caches. */
public final class SchemaRegistryClients {

    public static final String MOCK_SCHEME = "mock://";

    private SchemaRegistryClients() {
    }

    /**
     * @param urls        the configured URLs; a single {@code mock://<scope>} selects the in-memory registry
     * @param settings    HTTP settings, used only for real registries
     * @param latestTtl   how long the latest version of a subject is cached (negative: forever)
     */
    public static SchemaRegistryClient create(List<String> urls, java.util.function.Supplier<RegistryClientSettings>
            settings, Duration latestTtl) {
        if (urls.size() == 1 && urls.get(0).startsWith(MOCK_SCHEME)) {
            return InMemorySchemaRegistryClient.forScope(urls.get(0).substring(MOCK_SCHEME.length()));
        }
        for (String url : urls) {
            if (url.startsWith(MOCK_SCHEME)) {
                throw new IllegalArgumentException("A mock:// registry URL cannot be combined with others: " + urls);
            }
        }
        return new CachedSchemaRegistryClient(new RestSchemaRegistryClient(settings.get()), latestTtl,
                Clock.systemUTC());
    }

    /** A cached REST client for one URL with default settings. */
    public static SchemaRegistryClient forUrl(String url) {
        return create(List.of(url), () -> RegistryClientSettings.of(url), Duration.ofSeconds(-1));
    }
}
