package org.guichet.server.sms;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.guichet.server.config.LoopbackPorts;
import org.guichet.server.testing.LogCapture;
import org.guichet.server.domain.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP gateway and its retries against a real local HTTP server playing Brevo's transactional SMS API, answering
 * what each test scripts. Every test also checks that nothing it logged holds the visitor's number or the text.
 */
@ExtendWith(VertxExtension.class)
class HttpSmsGatewayTest {

    private static final PhoneNumber VISITOR = PhoneNumber.parse("06 12 34 56 78");
    private static final String TEXT = "Guichet : votre tour approche, ticket A042.";
    private static final String PATH = "/v3/transactionalSMS/send";
    private static final String KEY = "xkeysib-test-key-0123456789";
    /** Stands for a provider that keeps the request and never answers. */
    private static final Answer SILENCE = new Answer(0, null);

    private record Answer(int status, String body) {
    }

    /** One request as the provider saw it: when (ms after it started listening) and what it answered (0: nothing). */
    private record Received(String method, String path, MultiMap headers, String body, long atMillis, int answered) {
    }

    private final Deque<Answer> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<SmsFailure> told = new CopyOnWriteArrayList<>();
    private final SmsCounters counters = new SmsCounters();
    private LogCapture log;
    private Vertx vertx;
    private int port;
    private long listeningSince;
    private SmsGateway gateway;

    @BeforeEach
    void startProvider(Vertx vertx) throws Exception {
        this.vertx = vertx;
        log = LogCapture.start();
        HttpServer server = vertx.createHttpServer().requestHandler(this::answer);
        port = server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();
        listeningSince = System.nanoTime();
    }

    @AfterEach
    void nothingLoggedNamesTheVisitor() throws Exception {
        log.close();
        if (gateway != null) {
            gateway.close().await(10, TimeUnit.SECONDS);
        }
        assertThat(log.texts()).allSatisfy(line -> assertThat(String.valueOf(line)).doesNotContain("612345678")
                .doesNotContain("12 34 56").doesNotContain(TEXT));
    }

    private void answer(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            Answer answer = script.size() > 1 ? script.poll() : script.peek();
            received.add(new Received(request.method().name(), request.path(), request.headers(), body.toString(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - listeningSince), answer.status()));
            if (answer != SILENCE) {
                request.response().setStatusCode(answer.status()).putHeader("Content-Type", "application/json")
                        .end(answer.body());
            }
        });
    }

    private SmsGateway retrying(int attempts, Duration timeout) {
        SmsSettings settings = new SmsSettings("http://127.0.0.1:" + port + PATH, KEY, "Guichet", attempts,
                Duration.ofMillis(50), timeout);
        gateway = new RetryingSmsGateway(vertx, new HttpSmsGateway(vertx, settings), settings, counters,
                (to, failure) -> told.add(failure));
        return gateway;
    }

    private SmsGateway retrying(int attempts) {
        return retrying(attempts, Duration.ofSeconds(5));
    }

    /**
     * What the gateway ends with. Should it not end in 20 s (seen once in CI, never again in 800 runs of that test),
     * the failure says what the provider had received by then, and when.
     */
    private <T> T outcome(Future<T> future) throws Exception {
        try {
            return future.await(20, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("The gateway had not ended after 20 s. The provider, listening on port " + port
                    + ", had received " + received.stream().map(r -> r.method() + " " + r.path() + " at "
                    + r.atMillis() + " ms answered " + r.answered()).toList(), e);
        }
    }

    private SmsFailure failureOf(Future<SmsReceipt> sent) throws Exception {
        Throwable cause = outcome(sent.<Throwable>transform(result -> Future.succeededFuture(result.cause())));
        assertThat(cause).isInstanceOf(SmsFailure.class);
        assertThat(cause.getMessage()).doesNotContain("612345678").doesNotContain(TEXT);
        return (SmsFailure) cause;
    }

    @Test
    void a_message_is_posted_once_as_brevo_expects_it_and_its_id_kept() throws Exception {
        script.add(new Answer(201, "{\"messageId\": 1511882900176220}"));

        SmsReceipt receipt = outcome(retrying(4).send(VISITOR, TEXT));

        assertThat(receipt).isEqualTo(new SmsReceipt("1511882900176220", 1));
        assertThat(received).hasSize(1);
        Received request = received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(PATH);
        assertThat(request.headers().get("api-key")).isEqualTo(KEY);
        assertThat(request.headers().get("Content-Type")).isEqualTo("application/json");
        assertThat(request.headers().get("Accept")).isEqualTo("application/json");
        assertThat(new JsonObject(request.body())).isEqualTo(new JsonObject().put("sender", "Guichet")
                .put("recipient", "33612345678").put("content", TEXT).put("type", "transactional"));
        assertThat(counters.toJson()).isEqualTo(new JsonObject().put("sent", 1L).put("failed", 0L).put("retried", 0L));
        assertThat(told).isEmpty();
    }

    @Test
    void a_refusal_is_not_tried_again_and_is_reported_once_without_the_number() throws Exception {
        script.add(new Answer(400, new JsonObject().put("code", "invalid_parameter")
                .put("message", "Invalid recipient 33612345678").encode()));

        SmsFailure failure = failureOf(retrying(4).send(VISITOR, TEXT));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(failure.getMessage()).contains("400").contains("invalid_parameter");
        assertThat(received).hasSize(1);
        assertThat(told).containsExactly(failure);
        assertThat(counters.failed()).isEqualTo(1);
        assertThat(counters.retried()).isZero();
        assertThat(log.events()).filteredOn(event -> event.getLoggerName().equals(RetryingSmsGateway.class.getName()))
                .singleElement().extracting(ILoggingEvent::getFormattedMessage).asString().contains("400");
    }

    @Test
    void an_overloaded_provider_is_tried_again_until_it_accepts() throws Exception {
        script.add(new Answer(503, "{}"));
        script.add(new Answer(503, "{}"));
        script.add(new Answer(201, "{\"messageId\": 42}"));

        SmsReceipt receipt = outcome(retrying(4).send(VISITOR, TEXT));

        assertThat(receipt).isEqualTo(new SmsReceipt("42", 3));
        assertThat(received).hasSize(3);
        assertThat(counters.retried()).isEqualTo(2);
        assertThat(counters.sent()).isEqualTo(1);
        assertThat(counters.failed()).isZero();
        assertThat(told).isEmpty();
    }

    @Test
    void a_provider_that_keeps_failing_is_given_up_on_after_the_last_attempt() throws Exception {
        script.add(new Answer(500, "{\"code\": \"internal_error\"}"));

        SmsFailure failure = failureOf(retrying(3).send(VISITOR, TEXT));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.attempts()).isEqualTo(3);
        assertThat(received).hasSize(3);
        assertThat(told).containsExactly(failure);
        assertThat(counters.retried()).isEqualTo(2);
        assertThat(counters.failed()).isEqualTo(1);
        assertThat(counters.sent()).isZero();
    }

    @Test
    void a_provider_that_never_answers_times_out_and_is_tried_again() throws Exception {
        script.add(SILENCE);

        SmsFailure failure = failureOf(retrying(2, Duration.ofMillis(300)).send(VISITOR, TEXT));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).contains("in time");
        assertThat(received).hasSize(2);
        assertThat(counters.retried()).isEqualTo(1);
        assertThat(told).containsExactly(failure);
    }

    @Test
    void a_provider_out_of_reach_is_tried_again() throws Exception {
        port = LoopbackPorts.free();

        SmsFailure failure = failureOf(retrying(2).send(VISITOR, TEXT));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).contains("could not be reached");
        assertThat(failure.attempts()).isEqualTo(2);
        assertThat(counters.retried()).isEqualTo(1);
        assertThat(told).containsExactly(failure);
    }

    @Test
    void an_accepted_answer_that_is_not_json_is_not_tried_again() throws Exception {
        script.add(new Answer(201, "<html>queued</html>"));

        SmsFailure failure = failureOf(retrying(4).send(VISITOR, TEXT));

        assertThat(failure.retryable()).isFalse();
        assertThat(received).hasSize(1);
    }

    @Test
    void without_settings_every_message_fails_for_good() throws Exception {
        SmsGateway off = SmsSettings.off().create(vertx, counters, (to, failure) -> told.add(failure));

        SmsFailure failure = failureOf(off.send(VISITOR, TEXT));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("off");
        assertThat(received).isEmpty();
    }
}
