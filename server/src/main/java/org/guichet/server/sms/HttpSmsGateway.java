package org.guichet.server.sms;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.PhoneNumber;

/**
 * Sends through Brevo's transactional SMS API: a JSON POST to {@code sms.url} with the key in an {@code api-key}
 * header, answered 201 with the message's id ({@code {"messageId": 1511882900176220}}). Brevo's older address,
 * .../v3/transactionalSMS/sms (deprecated, still served), takes the same body and answers the same id among other
 * fields. One request per call: {@link RetryingSmsGateway} decides whether to try again.
 */
public final class HttpSmsGateway implements SmsGateway {

    private final HttpClient client;
    private final SmsSettings settings;

    public HttpSmsGateway(Vertx vertx, SmsSettings settings) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("An SMS gateway needs sms.url and an API key.");
        }
        this.settings = settings;
        this.client = vertx.createHttpClient(new HttpClientOptions());
    }

    @Override
    public Future<SmsReceipt> send(PhoneNumber to, String text) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(settings.url())
                .setTimeout(settings.timeout().toMillis())
                .putHeader("api-key", settings.apiKey())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        // The provider wants the international number without its +.
        Buffer body = new JsonObject().put("sender", settings.sender()).put("recipient", to.e164().substring(1))
                .put("content", text).put("type", "transactional").toBuffer();
        return client.request(request)
                .compose(call -> call.send(body))
                .compose(response -> response.body().map(answer -> receipt(response.statusCode(), answer)))
                .recover(failure -> Future.failedFuture(SmsFailure.of(failure)));
    }

    @Override
    public Future<Void> close() {
        return client.close();
    }

    private static SmsReceipt receipt(int status, Buffer answer) {
        JsonObject json = jsonObject(answer);
        if (status < 200 || status > 299) {
            Object code = json == null ? null : json.getValue("code");
            throw SmsFailure.ofStatus(status, code instanceof String text ? text : null);
        }
        if (json == null) {
            throw SmsFailure.permanent("The SMS provider answered " + status + " without the JSON object it should "
                    + "send back; the message may have gone out, so it is not tried again.");
        }
        Object id = json.getValue("messageId");
        return new SmsReceipt(id == null ? null : String.valueOf(id), 1);
    }

    private static JsonObject jsonObject(Buffer answer) {
        try {
            return Json.decodeValue(answer) instanceof JsonObject object ? object : null;
        } catch (DecodeException e) {
            return null;
        }
    }
}
