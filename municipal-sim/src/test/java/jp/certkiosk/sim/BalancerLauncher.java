package jp.certkiosk.sim;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A stand-in launcher for {@link BalancerDiesWithLauncherTest}: starts HAProxy as the cluster does
 * (listening on {@code args[1]}, one backend on {@code args[2]}), then waits to be killed.
 *
 * <pre>java -cp ... jp.certkiosk.sim.BalancerLauncher DIR FRONT_PORT BACKEND_PORT</pre>
 */
public final class BalancerLauncher {
    private BalancerLauncher() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, SimulatorCluster.haproxyConfig("127.0.0.1", Integer.parseInt(args[1]),
                List.of(Integer.parseInt(args[2]))), StandardCharsets.UTF_8);
        Process balancer = SimulatorCluster.startBalancer(config, dir.resolve("haproxy.log"));
        System.out.println("balancer started " + balancer.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
