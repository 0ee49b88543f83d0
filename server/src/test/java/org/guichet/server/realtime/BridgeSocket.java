package org.guichet.server.realtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import org.guichet.server.testing.Eventually;
import org.guichet.server.testing.TestServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A browser-less bridge client for tests: raw WebSocket frames to /eventbus/websocket (SockJS' raw transport), each frame
 * one JSON object of the vertx bridge protocol.
 */
public final class BridgeSocket implements AutoCloseable {

    private final WebSocketClient client;
    private final WebSocket socket;
    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    /** The bridge's approvals of registrations (their addresses), in order, kept apart from the other frames. */
    private final BlockingQueue<String> approvals = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private enum Registration { NOT_YET, REGISTERED, REFUSED }

    private BridgeSocket(WebSocketClient client, WebSocket socket) {
        this.client = client;
        this.socket = socket;
        socket.handler(data -> {
            JsonObject frame = new JsonObject(data.toString());
            if ("registered".equals(frame.getString("type"))) {
                approvals.add(frame.getString("address"));
            } else {
                frames.add(frame);
            }
        });
        socket.closeHandler(v -> closed.countDown());
    }

    public static BridgeSocket connect(Vertx vertx, int port) {
        WebSocketClient client = vertx.createWebSocketClient();
        return new BridgeSocket(client, TestServer.await(client.connect(port, "localhost", "/eventbus/websocket")));
    }

    public void register(String address, String token) {
        JsonObject headers = token == null ? new JsonObject() : new JsonObject().put("token", token);
        send(new JsonObject().put("type", "register").put("address", address).put("headers", headers));
    }

    public void send(JsonObject frame) {
        sendText(frame.encode());
    }

    /** Frames written one after the other without waiting in between, so that the bridge reads them close together. */
    public void sendTogether(JsonObject... frames) {
        List<Future<Void>> written = new ArrayList<>();
        for (JsonObject frame : frames) {
            written.add(socket.writeTextMessage(frame.encode()));
        }
        TestServer.await(Future.all(written));
    }

    /** Any text as one message, JSON or not. */
    public void sendText(String text) {
        TestServer.await(socket.writeTextMessage(text));
    }

    /** The next frame, or fails after 10 s. */
    public JsonObject next() {
        return next(Duration.ofSeconds(10));
    }

    /** The next frame, or fails when none came within the time given. */
    public JsonObject next(Duration within) {
        try {
            JsonObject frame = frames.poll(within.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("no frame from the bridge within " + within.toSeconds() + " s");
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The next frame that is a message of one of these types received on {@code address}, skipping others (e.g.
     * queue summaries).
     */
    public JsonObject nextOn(String address, String... types) {
        return nextOn(Duration.ofSeconds(10), address, types);
    }

    /** As {@link #nextOn(String, String...)}, failing when no frame at all came within the time given. */
    public JsonObject nextOn(Duration within, String address, String... types) {
        while (true) {
            JsonObject frame = next(within);
            if ("rec".equals(frame.getString("type")) && address.equals(frame.getString("address"))
                    && List.of(types).contains(frame.getJsonObject("body").getString("type"))) {
                return frame;
            }
        }
    }

    /** The address of the next registration the bridge approved, or null when none came within the time given. */
    public String nextApproval(Duration within) {
        try {
            return approvals.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the bridge says a registration took effect (its approval), or fails on its refusal or after 10 s. */
    public void awaitRegistered(String address) {
        Registration registration = Eventually.await("registration on " + address, Duration.ofSeconds(10), () -> {
            if (approvals.remove(address)) {
                return Registration.REGISTERED;
            }
            return refusal() != null ? Registration.REFUSED : Registration.NOT_YET;
        }, answer -> answer != Registration.NOT_YET);
        if (registration == Registration.REFUSED) {
            throw new AssertionError("registration on " + address + " refused: " + refusal());
        }
    }

    /** The bridge's refusal ({@code err} frame) when it is the next frame waiting, else null. */
    private JsonObject refusal() {
        JsonObject next = frames.peek();
        return next != null && "err".equals(next.getString("type")) ? next : null;
    }

    public boolean awaitClosed(long seconds) {
        try {
            return closed.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Every frame received so far (and not yet taken), emptied. */
    public java.util.List<JsonObject> drain() {
        java.util.List<JsonObject> received = new java.util.ArrayList<>();
        frames.drainTo(received);
        return received;
    }

    public boolean hasPendingFrames() {
        return !frames.isEmpty();
    }

    @Override
    public void close() {
        if (!socket.isClosed()) {
            TestServer.await(socket.close().recover(failure -> io.vertx.core.Future.succeededFuture()));
        }
        client.close();
    }
}
