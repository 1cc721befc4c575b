package dev.merpati.connector.net;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClientNetworksTest {

    @Test
    void matchesAddressesInsideTheListedNetworksOnly() {
        ClientNetworks networks = ClientNetworks.parse("127.0.0.0/8, ::1/128 192.0.2.16/28");
        assertTrue(networks.contains("127.0.0.1"));
        assertTrue(networks.contains("127.9.8.7"));
        assertTrue(networks.contains("::1"));
        assertTrue(networks.contains("192.0.2.20"));
        assertFalse(networks.contains("192.0.2.32"));
        assertFalse(networks.contains("10.0.0.1"));
        assertFalse(networks.contains("::2"));
    }

    @Test
    void aBareAddressIsOneHost() {
        ClientNetworks networks = ClientNetworks.parse("127.0.0.1");
        assertTrue(networks.contains("127.0.0.1"));
        assertFalse(networks.contains("127.0.0.2"));
    }

    @Test
    void anEmptyListTrustsNobody() {
        assertFalse(ClientNetworks.parse("").contains("127.0.0.1"));
    }

    @Test
    void malformedEntriesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClientNetworks.parse("example.com"));
        assertThrows(IllegalArgumentException.class, () -> ClientNetworks.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> ClientNetworks.parse("10.0.0.0/x"));
    }
}
