package io.ticklake.infra.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticklake.infra.PlatformConfig;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class PortOwnerTest {

    @Test
    void namesTheProcessListeningOnAPort() throws Exception {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(PlatformConfig.HOST), 0));
            int port = socket.getLocalPort();

            assertThat(PortOwner.of(port)).hasValueSatisfying(holder -> {
                assertThat(holder.pid()).isEqualTo(ProcessHandle.current().pid());
                assertThat(holder.commandLine()).contains("java");
            });
            assertThat(PortOwner.describe(port)).startsWith("pid " + ProcessHandle.current().pid() + " (");
            assertThat(Ports.isFree(PlatformConfig.HOST, port)).isFalse();
            assertThat(Ports.isListening(PlatformConfig.HOST, port)).isTrue();
        }
    }

    @Test
    void findsNobodyOnAFreePort() {
        int port = Ports.pickFree(PlatformConfig.HOST);

        assertThat(PortOwner.of(port)).isEmpty();
        assertThat(PortOwner.describe(port)).contains("ss -ltnp");
        assertThat(Ports.isFree(PlatformConfig.HOST, port)).isTrue();
    }

    @Test
    void neverHandsOutTheSamePortTwice() {
        int first = Ports.pickFree(PlatformConfig.HOST);
        int second = Ports.pickFree(PlatformConfig.HOST);

        assertThat(first).isNotEqualTo(second);
    }
}
