package org.guichet.kiosk;

import com.pi4j.context.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.guichet.kiosk.config.ConfigFile;
import org.guichet.kiosk.config.KioskConfig;
import org.guichet.kiosk.gpio.GpioContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code java -jar guichet-kiosk-client-all.jar [--config /etc/guichet/kiosk.yaml]}. The config path may also come
 * from GUICHET_KIOSK_CONFIG; the default is ./kiosk.yaml.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Path configFile = configPath(args);
        if (configFile == null) {
            return;
        }
        KioskConfig config;
        try {
            config = ConfigFile.load(configFile, System.getenv());
        } catch (Exception e) {
            System.err.println("Cannot read the kiosk config " + configFile + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        // A kiosk is small: a Raspberry Pi with one screen and one printer needs few threads.
        Vertx vertx = Vertx.builder().with(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(4)
                .setInternalBlockingPoolSize(2)).build();
        Context pi4j = null;
        if (config.gpio().anyDevice()) {
            try {
                pi4j = GpioContexts.create(config.gpio().provider());
            } catch (RuntimeException e) {
                LOG.error("GPIO unavailable ({}); the kiosk runs without buttons and light", e.toString());
            }
        }
        KioskVerticle verticle = new KioskVerticle(config, pi4j);
        String deploymentId;
        try {
            deploymentId = vertx.deployVerticle(verticle).await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.error("The kiosk could not start: {}", e.getMessage(), e);
            shutDown(vertx, null, pi4j);
            System.exit(1);
            return;
        }
        long startMillis = sinceJvmStart().toMillis();
        LOG.info("Kiosk touch UI on http://{}:{}/ ({} ms after JVM start); server {}; printer {}",
                config.http().host(), verticle.port(), startMillis, config.server().urls().size() == 1
                        ? config.server().urls().get(0) : config.server().urls() + " (in this order)",
                config.printer().connection());
        AtomicBoolean announced = new AtomicBoolean();
        verticle.kiosk().onHealthChange(health -> {
            if (health.canIssue() && announced.compareAndSet(false, true)) {
                LOG.info("Kiosk ready to issue tickets ({} ms after JVM start)", sinceJvmStart().toMillis());
            }
        });
        Context gpioContext = pi4j;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutDown(vertx, deploymentId, gpioContext),
                "kiosk-stop"));
    }

    private static Path configPath(String[] args) {
        String path = System.getenv("GUICHET_KIOSK_CONFIG");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                path = args[++i];
            } else if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println("Usage: java -jar guichet-kiosk-client-all.jar [--config kiosk.yaml]");
                System.out.println("Environment: GUICHET_KIOSK_CONFIG, GUICHET_SERVER_URL, GUICHET_PUBLIC_URL, "
                        + "GUICHET_DEVICE_TOKEN, GUICHET_KIOSK_PORT");
                return null;
            } else {
                System.err.println("Unknown argument " + args[i] + " (try --help)");
                System.exit(2);
            }
        }
        Path file = Path.of(path == null ? "kiosk.yaml" : path);
        if (!Files.isRegularFile(file)) {
            System.err.println("No kiosk config at " + file.toAbsolutePath()
                    + " (see deploy/kiosk.example.yaml; --config or GUICHET_KIOSK_CONFIG choose another)");
            System.exit(2);
        }
        return file;
    }

    private static Duration sinceJvmStart() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()))
                .orElse(Duration.ZERO);
    }

    private static void shutDown(Vertx vertx, String deploymentId, Context pi4j) {
        try {
            if (deploymentId != null) {
                vertx.undeploy(deploymentId).await(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.warn("Kiosk did not stop cleanly: {}", e.getMessage());
        }
        if (pi4j != null) {
            pi4j.shutdown();
        }
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Vert.x did not close cleanly: {}", e.getMessage());
        }
    }
}
