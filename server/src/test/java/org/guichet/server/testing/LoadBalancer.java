package org.guichet.server.testing;

import org.guichet.server.config.LoopbackPorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HAProxy (Debian's {@code haproxy} package) running the configuration shipped in server/deploy/haproxy.cfg,
 * with only what a site changes replaced: the address it listens on, the nodes' addresses, and the log (to its
 * output, which goes to {@code target/haproxy.log}).
 */
public final class LoadBalancer implements AutoCloseable {

    public static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    static final Path SHIPPED = Path.of("deploy/haproxy.cfg");
    private static final Pattern NODE = Pattern.compile("(?m)^(\\s*server node)(\\d+) \\S+$");

    private final Process process;
    private final int port;

    private LoadBalancer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** HAProxy on 127.0.0.1 in front of the given node ports, node1 first. */
    public static LoadBalancer start(List<Integer> nodePorts) {
        if (!Files.isExecutable(HAPROXY)) {
            throw new AssertionError("HAProxy is needed (apt-get install haproxy); .ci/run installs it");
        }
        try {
            int port = LoopbackPorts.free();
            Path config = Files.createTempFile("guichet-haproxy", ".cfg");
            config.toFile().deleteOnExit();
            Files.writeString(config, render(Files.readString(SHIPPED), port, nodePorts));
            Process process = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(Path.of("target", "haproxy.log").toFile()).start();
            LoadBalancer balancer = new LoadBalancer(process, port);
            balancer.awaitServing();
            return balancer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String render(String shipped, int port, List<Integer> nodePorts) {
        String local = shipped.replace("bind :80", "bind 127.0.0.1:" + port)
                .replace("log /dev/log local0 notice", "log stdout format raw local0 notice");
        Matcher node = NODE.matcher(local);
        StringBuilder rendered = new StringBuilder();
        while (node.find()) {
            int index = Integer.parseInt(node.group(2)) - 1;
            node.appendReplacement(rendered, index < nodePorts.size()
                    ? node.group(1) + node.group(2) + " 127.0.0.1:" + nodePorts.get(index) : "");
        }
        node.appendTail(rendered);
        return rendered.toString();
    }

    /** Waits until HAProxy answers and one node at least passed its readiness checks. */
    private void awaitServing() {
        ProcessProbe.awaitAnswering(process, "haproxy", url() + "/health/ready", Duration.ofSeconds(30));
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
