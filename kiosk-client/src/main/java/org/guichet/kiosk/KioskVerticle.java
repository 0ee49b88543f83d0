package org.guichet.kiosk;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import org.guichet.hardware.gpio.MonotonicClock;
import org.guichet.kiosk.config.KioskConfig;
import org.guichet.kiosk.core.Kiosk;
import org.guichet.kiosk.gpio.KioskGpio;
import org.guichet.kiosk.http.KioskRoutes;
import org.guichet.kiosk.printing.PrinterLink;
import org.guichet.kiosk.server.ServerApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk application: the kiosk core, its GPIO buttons and light, and the local HTTP server of the touch UI.
 * The Pi4J context is given (null for a kiosk without GPIO) and stays owned by the caller.
 */
public final class KioskVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(KioskVerticle.class);

    private final KioskConfig config;
    private final com.pi4j.context.Context pi4j;
    private final MonotonicClock buttonClock;
    private Kiosk kiosk;
    private KioskGpio gpio;
    private HttpServer http;

    public KioskVerticle(KioskConfig config, com.pi4j.context.Context pi4j) {
        this(config, pi4j, MonotonicClock.SYSTEM);
    }

    /** With the clock the buttons are debounced on (tests move one by hand). */
    public KioskVerticle(KioskConfig config, com.pi4j.context.Context pi4j, MonotonicClock buttonClock) {
        this.config = config;
        this.pi4j = pi4j;
        this.buttonClock = buttonClock;
    }

    @Override
    public Future<?> start() {
        ServerApi server = new ServerApi(vertx, config.server().urls(), config.server().token().read().orElse(null),
                config.server().requestTimeout());
        PrinterLink printer = new PrinterLink(vertx, config.printer());
        kiosk = new Kiosk(vertx, context, config, server, printer);
        if (pi4j != null && config.gpio().anyDevice()) {
            try {
                gpio = new KioskGpio(pi4j, config.gpio(), kiosk, buttonClock);
            } catch (RuntimeException e) {
                // The touch screen still works without buttons and light; staff see this in the log.
                LOG.error("GPIO buttons and light unavailable ({}); the kiosk runs without them", e.toString());
            }
        }
        return vertx.createHttpServer()
                .requestHandler(new KioskRoutes(kiosk).router(vertx))
                .listen(config.http().port(), config.http().host())
                .onSuccess(listening -> {
                    http = listening;
                    kiosk.start();
                })
                .onFailure(failure -> {
                    if (gpio != null) {
                        gpio.close();
                    }
                });
    }

    @Override
    public Future<?> stop() {
        if (gpio != null) {
            gpio.close();
        }
        Future<Void> closed = http == null ? Future.succeededFuture() : http.close();
        return closed.eventually(kiosk::stop);
    }

    public Kiosk kiosk() {
        return kiosk;
    }

    public KioskGpio gpio() {
        return gpio;
    }

    public int port() {
        return http.actualPort();
    }
}
