package dev.merpati.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransportMapTest {

    @Test
    void parsesHostsPortsAndBrackets() {
        TransportMap map =
                TransportMap.parse(" example.net=127.0.0.1:2526, Other.TEST=[127.0.0.1]:2527,plain.test=mx.plain.test");
        assertEquals(new NextHop("127.0.0.1", 2526), map.lookup("EXAMPLE.net").orElseThrow());
        assertEquals(new NextHop("127.0.0.1", 2527), map.lookup("other.test").orElseThrow());
        assertEquals(new NextHop("mx.plain.test", 25), map.lookup("plain.test").orElseThrow());
        assertTrue(map.lookup("elsewhere.test").isEmpty());
    }

    @Test
    void skipsMalformedEntriesAndNamesThem() {
        List<String> bad = new ArrayList<>();
        TransportMap map = TransportMap.parse(
                "=x:1,bad.test=host:notaport,far.test=host:70000,,ok.test=[::1]:26, nothing.test= ", bad::add);
        assertTrue(map.lookup("bad.test").isEmpty());
        assertTrue(map.lookup("far.test").isEmpty());
        assertEquals(new NextHop("::1", 26), map.lookup("ok.test").orElseThrow());
        assertEquals(List.of("=x:1", "bad.test=host:notaport", "far.test=host:70000", "nothing.test="), bad);
    }
}
