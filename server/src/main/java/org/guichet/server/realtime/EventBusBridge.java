package org.guichet.server.realtime;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import io.vertx.ext.web.handler.sockjs.impl.EventBusBridgeImpl;
import org.guichet.server.domain.Principal;
import org.guichet.server.domain.Tokens;
import org.guichet.server.service.Authentication;
import org.guichet.server.service.Catalogs;
import org.guichet.server.service.DevicePresence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SockJS event-bus bridge at /eventbus: browsers may only listen, never send. Each REGISTER carries a bearer token in
 * {@code headers.token} (device {@code gd_...} or agent session {@code gs_...}); it is resolved through
 * {@link Authentication#authenticate} and the address checked by {@link ListenPermissions}. Once the bridge listens to
 * the address, it tells the page with a frame {@code {"type":"registered","address":...}}; a refusal is the bridge's
 * {@code err} frame. A socket whose device token is revoked is closed, so the page reconnects and is refused.
 */
public final class EventBusBridge {

    private static final Logger LOG = LoggerFactory.getLogger(EventBusBridge.class);

    private static final Duration HEARTBEAT = Duration.ofSeconds(10);
    /** A page pings every 5 s: one silent this long is gone (a frozen browser, a tab put to sleep). */
    static final Duration SILENCE_LIMIT = Duration.ofSeconds(20);
    /** How often refusals are summed up in the log (one line, when there were any). */
    private static final Duration REFUSALS_PERIOD = Duration.ofMinutes(1);

    private final Vertx vertx;
    private final Authentication authentication;
    private final Catalogs catalogs;
    private final LiveChannels channels;
    /** Token hash (hex) to the sockets registered with it, to close them when the token is revoked. */
    private final Map<String, Set<SockJSSocket>> socketsByToken = new ConcurrentHashMap<>();
    private final Map<SockJSSocket, Set<String>> tokensBySocket = new ConcurrentHashMap<>();
    /** The device each socket registered as, to count its live connections (see {@link DevicePresence}). */
    private final Map<SockJSSocket, String> deviceBySocket = new ConcurrentHashMap<>();
    /** Sockets not closed yet: a registration whose token check ends after its socket closed counts no connection. */
    private final Set<SockJSSocket> openSockets = ConcurrentHashMap.newKeySet();
    /** What each open socket listens to, as told to the other nodes of a cluster. */
    private final Map<SockJSSocket, Listened> listenedBySocket = new ConcurrentHashMap<>();

    private final RefusalLog refusals = new RefusalLog();

    private MessageConsumer<String> revocations;
    private long refusalsTimer = -1;

    public EventBusBridge(Vertx vertx, Authentication authentication, Catalogs catalogs, LiveChannels channels) {
        this.vertx = vertx;
        this.authentication = authentication;
        this.catalogs = catalogs;
        this.channels = channels;
    }

    /**
     * Starts closing the sockets of revoked tokens, and summing up refusals in the log once a period;
     * {@link #close()} stops both.
     */
    public Future<Void> start() {
        revocations = vertx.eventBus().localConsumer(Addresses.CREDENTIALS_REVOKED,
                message -> closeSocketsOf(message.body()));
        refusalsTimer = vertx.setPeriodic(REFUSALS_PERIOD.toMillis(), tick -> logRefusals());
        return revocations.completion();
    }

    public Future<Void> close() {
        if (refusalsTimer >= 0) {
            vertx.cancelTimer(refusalsTimer);
        }
        logRefusals();
        return revocations == null ? Future.succeededFuture() : revocations.unregister();
    }

    /** One WARN line with what was refused since the last one, if anything was. */
    void logRefusals() {
        String summary = RefusalLog.summary(refusals.takeCounts(), REFUSALS_PERIOD.toSeconds());
        if (summary != null) {
            LOG.warn(summary);
        }
    }

    public static SockJSBridgeOptions options() {
        return new SockJSBridgeOptions()
                .addOutboundPermitted(new PermittedOptions().setAddressRegex(ListenPermissions.OUTBOUND_REGEX))
                .setMaxHandlersPerSocket(32)
                .setMaxAddressLength(160)
                // Out of reach: the bridge's own check of missing pings cannot close our sockets (see GuardedSocket).
                .setPingTimeout(Duration.ofDays(365).toMillis());
    }

    /**
     * How often the bridge writes a heartbeat to each socket: every 10 s, or more often when the HTTP idle timeout is
     * shorter than twice that, so that the idle timeout never closes a live socket.
     */
    public static Duration heartbeatWithin(Duration idleTimeout) {
        Duration half = idleTimeout.dividedBy(2);
        return half.compareTo(HEARTBEAT) < 0 ? half : HEARTBEAT;
    }

    /** The router to mount under {@code /eventbus/*}, writing a heartbeat to each socket at this interval. */
    public Router router(Duration heartbeat) {
        SockJSHandlerOptions handlerOptions = new SockJSHandlerOptions().setHeartbeatInterval(heartbeat.toMillis());
        // What SockJSHandler.bridge does, with each socket guarded so that a bad frame closes it (see GuardedSocket).
        EventBusBridgeImpl bridge = new EventBusBridgeImpl(vertx, null, options(), this::handle);
        return SockJSHandler.create(vertx, handlerOptions).socketHandler(socket -> bridge.handle(
                new GuardedSocket(socket, vertx, SILENCE_LIMIT, refusals::count)));
    }

    private void handle(BridgeEvent event) {
        switch (event.type()) {
            case SEND, PUBLISH -> {
                // Nothing is inbound: every command is a REST call. The permitted list already says so; this is a
                // second lock in case someone adds an inbound permission by mistake.
                event.complete(false);
            }
            case REGISTER -> {
                Listened listened = listenedBySocket.get(event.socket());
                if (listened != null) {
                    listened.asked(event.getRawMessage().getString("address"));
                }
                authorise(event);
            }
            case REGISTERED -> {
                // The page re-reads its state once every registration is approved: what is published from now on
                // reaches it, anything before is in what it reads.
                String address = event.getRawMessage().getString("address");
                boolean open = openSockets.contains(event.socket());
                if (open) {
                    channels.listening(address);
                    event.socket().write(approval(address));
                }
                event.complete(true);
                Listened listened = listenedBySocket.get(event.socket());
                if (listened != null && listened.registered(address) && open
                    && event.socket() instanceof GuardedSocket socket) {
                    // The page unregistered while the registration was being checked, when the bridge had nothing
                    // to remove yet: it removes its consumer now, as the page asked.
                    Buffer unregister = new JsonObject().put("type", "unregister").put("address", address).toBuffer();
                    vertx.getOrCreateContext().runOnContext(later -> socket.fromServer(unregister));
                }
            }
            case SOCKET_CREATED -> {
                openSockets.add(event.socket());
                listenedBySocket.put(event.socket(), new Listened());
                event.complete(true);
            }
            case UNREGISTER -> {
                Listened listened = listenedBySocket.get(event.socket());
                if (listened != null) {
                    listened.unregistered(event.getRawMessage().getString("address"), channels);
                }
                event.complete(true);
            }
            case SOCKET_CLOSED -> {
                openSockets.remove(event.socket());
                Listened listened = listenedBySocket.remove(event.socket());
                if (listened != null) {
                    listened.close(channels);
                }
                forget(event.socket());
                event.complete(true);
            }
            default -> event.complete(true);
        }
    }

    private void authorise(BridgeEvent event) {
        JsonObject raw = event.getRawMessage();
        String address = raw.getString("address");
        JsonObject headers = raw.getValue("headers") instanceof JsonObject json ? json : new JsonObject();
        String token = headers.getValue("token") instanceof String text && !text.isBlank() ? text : null;
        // The token has done its job; it is not kept in the bridge's copy of the frame.
        headers.remove("token");
        Context socketContext = vertx.getOrCreateContext();
        if (ListenPermissions.isPublic(address)) {
            listen(event, address, socketContext);
            return;
        }
        Future<Principal> principal = token == null
                ? Future.succeededFuture(null)
                : authentication.authenticate(token);
        principal
                .onSuccess(who -> {
                    boolean allowed = ListenPermissions.mayListen(who, address, catalogs.get());
                    if (allowed) {
                        remember(event.socket(), token);
                        rememberDevice(event.socket(), who);
                        listen(event, address, socketContext);
                    } else {
                        refusals.count(who == null ? "registration without a token" : "registration not allowed");
                        event.tryComplete(false);
                    }
                })
                .onFailure(failure -> {
                    LOG.debug("Bridge registration on {} refused: {}", address, failure.getMessage());
                    refusals.count("registration with an invalid token");
                    event.tryComplete(false);
                });
    }

    /**
     * Lets the bridge listen once the other nodes of a cluster know this one listens to the address, on the socket's
     * own event loop (the acknowledgement may be another socket's, completed on that socket's loop).
     */
    private void listen(BridgeEvent event, String address, Context socketContext) {
        Listened listened = listenedBySocket.get(event.socket());
        Future<Void> told = listened == null ? null : listened.listen(address, channels);
        if (told == null) {
            socketContext.runOnContext(now -> event.tryComplete(true));
        } else {
            told.onComplete(done -> socketContext.runOnContext(now -> event.tryComplete(true)));
        }
    }

    /** The frame telling a page that it listens to the address from now on (the bridge protocol has none). */
    private static Buffer approval(String address) {
        return new JsonObject().put("type", "registered").put("address", address).toBuffer();
    }

    private void remember(SockJSSocket socket, String token) {
        String key = Tokens.key(token);
        socketsByToken.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(socket);
        tokensBySocket.computeIfAbsent(socket, s -> ConcurrentHashMap.newKeySet()).add(key);
    }

    /** A socket counts once for its device, however many addresses it listens to. */
    private void rememberDevice(SockJSSocket socket, Principal who) {
        if (who == null || !who.isDevice() || !openSockets.contains(socket)) {
            return;
        }
        if (deviceBySocket.putIfAbsent(socket, who.deviceId()) == null) {
            DevicePresence.opened(vertx, who.deviceId());
            if (!openSockets.contains(socket) && deviceBySocket.remove(socket) != null) {
                DevicePresence.closed(vertx, who.deviceId()); // closed meanwhile: taken back
            }
        }
    }

    private void forget(SockJSSocket socket) {
        String device = deviceBySocket.remove(socket);
        if (device != null) {
            DevicePresence.closed(vertx, device);
        }
        Set<String> keys = tokensBySocket.remove(socket);
        if (keys == null) {
            return;
        }
        keys.forEach(key -> socketsByToken.computeIfPresent(key, (k, sockets) -> {
            sockets.remove(socket);
            return sockets.isEmpty() ? null : sockets;
        }));
    }

    private void closeSocketsOf(String tokenHashHex) {
        Set<SockJSSocket> sockets = socketsByToken.remove(tokenHashHex);
        if (sockets != null) {
            sockets.forEach(SockJSSocket::close);
        }
    }

    /**
     * The addresses one socket listens to, each told to {@link LiveChannels} once and forgotten when unregistered or
     * when the socket closes. A second registration of an address waits for the first one's acknowledgement (the
     * bridge itself refuses it only once the first is registered). Its lock orders a registration ending after the
     * socket closed: it is then not counted at all.
     *
     * <p>It also keeps which addresses the bridge has registered, so that an unregistration arriving while a
     * registration is still checked (the bridge then has no consumer to remove) is applied once it is registered.
     */
    private static final class Listened {
        /** Each address, and the acknowledgement its listening waits for. */
        private final Map<String, Future<Void>> addresses = new java.util.HashMap<>();
        /** Addresses the bridge has a consumer for. */
        private final Set<String> registered = new java.util.HashSet<>();
        /** Addresses unregistered while not registered: a registration on its way is to be undone. */
        private final Set<String> withdrawn = new java.util.HashSet<>();
        private boolean closed;

        /** The page asks for the address (again): an earlier withdrawal no longer holds. */
        synchronized void asked(String address) {
            withdrawn.remove(address);
        }

        /** The bridge registered the address; true when the page has withdrawn it meanwhile. */
        synchronized boolean registered(String address) {
            registered.add(address);
            return withdrawn.remove(address);
        }

        synchronized void unregistered(String address, LiveChannels channels) {
            if (!registered.remove(address)) {
                withdrawn.add(address);
            }
            forget(address, channels);
        }

        /** What to wait for before the bridge listens; null when there is nothing to wait for. */
        synchronized Future<Void> listen(String address, LiveChannels channels) {
            if (closed) {
                return null;
            }
            return addresses.computeIfAbsent(address, channels::listen);
        }

        synchronized void forget(String address, LiveChannels channels) {
            if (addresses.remove(address) != null) {
                channels.forget(address);
            }
        }

        synchronized void close(LiveChannels channels) {
            closed = true;
            addresses.keySet().forEach(channels::forget);
            addresses.clear();
        }
    }
}
