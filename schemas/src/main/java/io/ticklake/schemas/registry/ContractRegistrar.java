package io.ticklake.schemas.registry;

import io.ticklake.schemas.StockTick;
import io.ticklake.schemas.WindowKpi;
import io.ticklake.schemas.serde.TopicNameStrategy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Registers the platform's contracts under their TopicNameStrategy subjects with BACKWARD
 * compatibility, so an incompatible producer is refused before it writes anything. Run by the
 * platform launcher: {@code java -cp <jar> io.ticklake.schemas.registry.ContractRegistrar <registry url>}.
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

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ContractRegistrar <schema registry url>");
            System.exit(2);
        }
        try (SchemaRegistryClient client = SchemaRegistryClients.forUrl(args[0])) {
            new ContractRegistrar(client).registerAll()
                    .forEach((subject, id) -> System.out.println("registered " + subject + " as schema id " + id));
        } catch (SchemaRegistryException e) {
            System.err.println("contract registration failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static Map<String, Schema> contracts() {
        Map<String, Schema> contracts = new LinkedHashMap<>();
        contracts.put("stock-ticks", StockTick.getClassSchema());
        contracts.put("stock-kpis", WindowKpi.getClassSchema());
        return java.util.Collections.unmodifiableMap(contracts);
    }
}
