package io.ticklake.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExposureGuardTest {

    @Test
    void loopbackStartsWhateverTheCredentials() {
        assertThat(ExposureGuard.refusal("127.0.0.1", true, true, false)).isEmpty();
        assertThat(ExposureGuard.refusal("127.0.0.1", true, false, false)).isEmpty();
    }

    @Test
    void anotherInterfaceNeedsSecurityAndACredential() {
        assertThat(ExposureGuard.refusal("0.0.0.0", false, true, true)).isEmpty();
        assertThat(ExposureGuard.refusal("0.0.0.0", false, true, false)).get().asString()
                .contains("micronaut.server.host=0.0.0.0").contains("ticklake.security.viewer-password");
        assertThat(ExposureGuard.refusal("0.0.0.0", false, false, true)).get().asString()
                .contains("micronaut.security.enabled=false");
        assertThat(ExposureGuard.refusal("", false, true, false)).get().asString()
                .contains("every interface");
    }

    @Test
    void onlyLoopbackAddressesAreLoopback() {
        assertThat(ExposureGuard.isLoopback("127.0.0.1")).isTrue();
        assertThat(ExposureGuard.isLoopback("::1")).isTrue();
        assertThat(ExposureGuard.isLoopback("0.0.0.0")).isFalse();
        assertThat(ExposureGuard.isLoopback("")).isFalse();
    }
}
