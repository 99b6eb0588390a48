package jp.certkiosk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SimulatorMainTest {
    @Test
    void defaults() {
        SimulatorOptions options = SimulatorMain.parse(new String[0]);
        assertEquals(Path.of("var", "sim"), options.dataDir());
        assertEquals(8443, options.port());
        assertEquals("127.0.0.1", options.host());
        assertEquals(false, options.serviceHours(), "around the clock unless asked");
    }

    @Test
    void serviceHours() {
        assertEquals(true, SimulatorMain.parse(new String[] {"--service-hours", "on"}).serviceHours());
        assertEquals(false, SimulatorMain.parse(new String[] {"--service-hours", "off"}).serviceHours());
        assertThrows(IllegalArgumentException.class, () -> SimulatorMain.parse(new String[] {"--service-hours", "yes"}));
    }

    @Test
    void options() {
        SimulatorOptions options = SimulatorMain.parse(new String[] {"--data", "/tmp/x", "--port", "9443", "--host", "0.0.0.0"});
        assertEquals(Path.of("/tmp/x"), options.dataDir());
        assertEquals(9443, options.port());
        assertEquals("0.0.0.0", options.host());
    }

    @Test
    void severalInstances() {
        assertEquals(3, SimulatorMain.instances(new String[] {"--data", "d", "--instances", "3"}));
        assertEquals(1, SimulatorMain.instances(new String[] {"--data", "d"}));
        assertThrows(IllegalArgumentException.class, () -> SimulatorMain.parse(new String[] {"--instances", "0"}));
        SimulatorOptions instance = SimulatorMain.parse(new String[] {"--database-url", "jdbc:h2:tcp://localhost:1/registry",
                "--instance", "sim-2"});
        assertEquals("sim-2", instance.instanceName());
        assertEquals(true, instance.shared());
        assertThrows(IllegalArgumentException.class,
                () -> SimulatorMain.parse(new String[] {"--database-url", "jdbc:h2:tcp://localhost:1/registry"}));
    }

    @Test
    void theBalancerPassesTlsThroughRoundRobin() {
        String config = SimulatorCluster.haproxyConfig("127.0.0.1", 8443, java.util.List.of(40001, 40002));
        assertEquals(true, config.contains("mode tcp"), "TLS passed through: the balancer sees TCP only");
        assertEquals(true, config.contains("balance roundrobin"));
        assertEquals(true, config.contains("server sim-2 127.0.0.1:40002 check"));
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> SimulatorMain.parse(new String[] {"--port"}));
        assertThrows(IllegalArgumentException.class, () -> SimulatorMain.parse(new String[] {"--port", "x"}));
        assertThrows(IllegalArgumentException.class, () -> SimulatorMain.parse(new String[] {"--colour", "red"}));
    }
}
