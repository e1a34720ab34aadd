package io.ticklake.schemas.registry;

import io.ticklake.schemas.Alert;
import io.ticklake.schemas.AlertRule;
import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.WindowKpi;
import io.ticklake.schemas.serde.AvroSerdeConfig;
import io.ticklake.schemas.serde.ClientPropertiesFile;
import io.ticklake.schemas.serde.TopicNameStrategy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;
import org.apache.avro.Schema;

/**
 * Registers the platform's contracts under their TopicNameStrategy subjects with BACKWARD
 * compatibility, so an incompatible producer is refused before it writes anything. Run by the
 * platform launcher: {@code java -cp <jar> io.ticklake.schemas.registry.ContractRegistrar <registry url>
 * [client.properties]}; the optional file holds the registry's credentials and TLS settings
 * ({@code basic.auth.*}, {@code schema.registry.ssl.*}), the same file every other client takes.
 */
public final class ContractRegistrar {

    /** Topic → value schema of every contract the platform owns. */
    public static final Map<String, Schema> CONTRACTS = contracts();

    private final SchemaRegistryClient registry;

    public ContractRegistrar(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    /** Registers every contract and returns subject → schema id. */
    public Map<String, Integer> registerAll() {
        Map<String, Integer> ids = new LinkedHashMap<>();
        CONTRACTS.forEach((topic, schema) -> {
            String subject = TopicNameStrategy.subject(topic, false);
            registry.setCompatibility(subject, CompatibilityLevel.BACKWARD);
            ids.put(subject, registry.register(subject, schema));
        });
        return ids;
    }

    /** A client of {@code url} with the registry settings of {@code clientConfig}, when given. */
    static SchemaRegistryClient client(String url, Optional<Path> clientConfig) throws IOException {
        if (clientConfig.isEmpty()) {
            return SchemaRegistryClients.forUrl(url);
        }
        Map<String, Object> props = new HashMap<>(ClientPropertiesFile.load(clientConfig.get()));
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url);
        RegistryClientSettings settings = new AvroSerdeConfig(props).registrySettings();
        return SchemaRegistryClients.create(List.of(url), () -> settings, Duration.ofSeconds(-1));
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ContractRegistrar <schema registry url> [client.properties]");
            System.exit(2);
        }
        Optional<Path> clientConfig = args.length == 2 ? Optional.of(Path.of(args[1])) : Optional.empty();
        try (SchemaRegistryClient client = client(args[0], clientConfig)) {
            new ContractRegistrar(client).registerAll()
                    .forEach((subject, id) -> System.out.println("registered " + subject + " as schema id " + id));
        } catch (SchemaRegistryException | IOException | KafkaException e) {
            System.err.println("contract registration failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static Map<String, Schema> contracts() {
        Map<String, Schema> contracts = new LinkedHashMap<>();
        contracts.put("stock-ticks", StockTick.getClassSchema());
        contracts.put("stock-kpis", WindowKpi.getClassSchema());
        contracts.put("alert-rules", AlertRule.getClassSchema());
        contracts.put("stock-alerts", Alert.getClassSchema());
        return java.util.Collections.unmodifiableMap(contracts);
    }
}
