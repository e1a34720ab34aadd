package io.ticklake.infra.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test a {@link TestPlatform} parameter: the JVM's one shared platform, whose services
 * start when first asked for and stop when the whole test run ends.
 *
 * <pre>{@code
 * @ExtendWith(LocalPlatformExtension.class)
 * class SomeIT {
 *     @Test
 *     void producesTicks(TestPlatform platform) {
 *         String bootstrap = platform.kafkaBootstrapServers();
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class LocalPlatformExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalPlatformExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TestPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        // The root store lives as long as the test run, so the platform is created once per JVM
        // and closed when the run ends.
        return extensionContext.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedPlatform.class, key -> new SharedPlatform(TestPlatform.shared()), SharedPlatform.class)
                .platform();
    }

    /** Closes the shared platform with the root context; JUnit versions differ in which interface they honour. */
    @SuppressWarnings("deprecation")
    private record SharedPlatform(TestPlatform platform) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            platform.close();
        }
    }
}
