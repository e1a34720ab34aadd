package io.ticklake.dashboard.forwarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.ticklake.dashboard.api.KpiView;
import io.ticklake.dashboard.api.SymbolView;
import io.ticklake.dashboard.testing.DashboardItConfig;
import io.ticklake.dashboard.testing.TickProducer;
import io.ticklake.dashboard.testing.TestCredentials;
import io.ticklake.infra.testing.LocalPlatformExtension;
import io.ticklake.infra.testing.TestPlatform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances of the application share the ticks' partitions; each answers for every symbol, the
 * other's through streams-app's forwarding to the Micronaut endpoints of the owner.
 */
@ExtendWith(LocalPlatformExtension.class)
class TwoInstancesIT {

    private static final List<String> SYMBOLS = IntStream.rangeClosed(1, 12).mapToObj(i -> "S" + i).toList();

    @Test
    void eachInstanceAnswersForEverySymbol(TestPlatform platform) throws Exception {
        DashboardItConfig it = new DashboardItConfig(platform, "two");
        try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, Map.<String, Object>copyOf(it.properties()));
             EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, Map.<String, Object>copyOf(it.properties()));
             HttpClient toFirst = HttpClient.create(first.getURL());
             HttpClient toSecond = HttpClient.create(second.getURL());
             TickProducer producer = new TickProducer(platform.kafkaBootstrapServers(), platform.schemaRegistryUrl(),
                     it.ticks);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     platform.kafkaBootstrapServers()))) {
            Instant now = Instant.now();
            for (int i = 0; i < SYMBOLS.size(); i++) {
                producer.send(SYMBOLS.get(i), 10.0 + i, 100, now);
            }

            // both instances hold some of the partitions...
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                Collection<MemberDescription> members = describe(admin, it.applicationId).members();
                assertThat(members).hasSize(2);
                assertThat(members).allSatisfy(member -> assertThat(ticksPartitions(member, it.ticks)).isNotEmpty());
            });
            // ...and each answers for all symbols
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> {
                assertThat(symbols(toFirst)).isEqualTo(expectedPrices());
                assertThat(symbols(toSecond)).isEqualTo(expectedPrices());
            });
            for (String symbol : SYMBOLS) {
                KpiView fromFirst = latest(toFirst, symbol);
                KpiView fromSecond = latest(toSecond, symbol);
                assertThat(fromFirst).isEqualTo(fromSecond);
                assertThat(fromFirst.close()).isEqualTo(10.0 + SYMBOLS.indexOf(symbol));
            }
        }
    }

    private static Map<String, Double> expectedPrices() {
        Map<String, Double> prices = new TreeMap<>();
        for (int i = 0; i < SYMBOLS.size(); i++) {
            prices.put(SYMBOLS.get(i), 10.0 + i);
        }
        return prices;
    }

    private static Map<String, Double> symbols(HttpClient client) {
        return client.toBlocking().retrieve(TestCredentials.viewer(HttpRequest.GET("/api/symbols")),
                        Argument.listOf(SymbolView.class))
                .stream().collect(Collectors.toMap(SymbolView::symbol, SymbolView::lastPrice, (a, b) -> a,
                        TreeMap::new));
    }

    private static KpiView latest(HttpClient client, String symbol) {
        return client.toBlocking().retrieve(
                TestCredentials.viewer(HttpRequest.GET("/api/kpis/" + symbol + "/latest?window=1m")), KpiView.class);
    }

    private static ConsumerGroupDescription describe(Admin admin, String group) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group);
    }

    private static Set<TopicPartition> ticksPartitions(MemberDescription member, String topic) {
        List<TopicPartition> partitions = new ArrayList<>(member.assignment().topicPartitions());
        return partitions.stream().filter(partition -> partition.topic().equals(topic)).collect(Collectors.toSet());
    }
}
