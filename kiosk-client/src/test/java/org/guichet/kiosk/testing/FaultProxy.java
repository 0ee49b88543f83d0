package org.guichet.kiosk.testing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy on 127.0.0.1 between the kiosk and the server that can lose answers: it forwards a request, lets the
 * server do its work, reads the whole answer, and then closes the kiosk's connection instead of passing the answer
 * on — exactly what a network failure after the server committed looks like. It can also stand for a node that says
 * it cannot serve: every request answered 503 without reaching the server.
 */
public final class FaultProxy implements AutoCloseable {

    /** One POST /api/v1/tickets seen by the proxy: what the kiosk sent, and what the server answered. */
    public record TicketCall(JsonObject body, int upstreamStatus, boolean dropped) {
    }

    private final HttpClientAgent client;
    private final HttpServer server;
    private final int targetPort;
    private final AtomicInteger ticketAnswersToDrop = new AtomicInteger();
    private final AtomicInteger answeredUnavailable = new AtomicInteger();
    private volatile boolean unavailable;
    private final List<TicketCall> ticketCalls = new CopyOnWriteArrayList<>();

    public FaultProxy(Vertx vertx, int targetPort) throws Exception {
        this.targetPort = targetPort;
        this.client = vertx.createHttpClient();
        this.server = vertx.createHttpServer().requestHandler(this::forward)
                .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** The next {@code count} answers to POST /api/v1/tickets are lost after the server has handled the request. */
    public void dropTicketAnswers(int count) {
        ticketAnswersToDrop.set(count);
    }

    /** While on, every request is answered 503 {"error":"unavailable"} and never reaches the server. */
    public void answerUnavailable(boolean on) {
        unavailable = on;
    }

    /** How many requests were answered 503 by {@link #answerUnavailable}. */
    public int answeredUnavailable() {
        return answeredUnavailable.get();
    }

    public List<TicketCall> ticketCalls() {
        return List.copyOf(ticketCalls);
    }

    private void forward(HttpServerRequest request) {
        if (unavailable) {
            answeredUnavailable.incrementAndGet();
            request.response().setStatusCode(503).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("error", "unavailable").put("message", "This node cannot serve now.")
                            .encode());
            return;
        }
        request.pause();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(request.headers());
        headers.remove("Host");
        headers.remove("Connection");
        RequestOptions options = new RequestOptions().setMethod(request.method()).setHost("127.0.0.1")
                .setPort(targetPort).setURI(request.uri()).setHeaders(headers);
        request.resume();
        request.body().compose(body -> client.request(options)
                        .compose(upstream -> upstream.send(body))
                        .compose(response -> response.body().map(answer -> new Answer(body, response, answer))))
                .onSuccess(answer -> reply(request, answer))
                .onFailure(failure -> request.connection().close());
    }

    private void reply(HttpServerRequest request, Answer answer) {
        boolean ticketCall = request.method() == HttpMethod.POST && request.path().equals("/api/v1/tickets");
        boolean drop = ticketCall && ticketAnswersToDrop.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
        if (ticketCall) {
            ticketCalls.add(new TicketCall(answer.requestBody.toJsonObject(), answer.response.statusCode(), drop));
        }
        if (drop) {
            request.connection().close();
            return;
        }
        var response = request.response().setStatusCode(answer.response.statusCode());
        answer.response.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Transfer-Encoding")
                    && !name.equalsIgnoreCase("Connection")) {
                response.headers().add(name, value);
            }
        });
        response.end(answer.body);
    }

    private record Answer(Buffer requestBody, HttpClientResponse response, Buffer body) {
    }

    @Override
    public void close() throws Exception {
        server.close().await(10, TimeUnit.SECONDS);
        Future<Void> closed = client.close();
        closed.await(10, TimeUnit.SECONDS);
    }
}
