package org.guichet.server.sms;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Whether this server sends SMS, and through which provider account ({@code sms:} in the configuration). Off unless
 * both the provider's address and an API key are given: a server without them works as before, minus the messages.
 *
 * @param url        where messages are posted, e.g. https://api.brevo.com/v3/transactionalSMS/send
 * @param apiKey     never printed ({@link #toString()})
 * @param sender     the name phones show as the sender: 3 to 11 letters or digits
 * @param attempts   requests per message at most, the first one included
 * @param firstRetry the wait before the second attempt; each later wait doubles
 * @param timeout    how long one request may take without an answer
 */
public record SmsSettings(String url, String apiKey, String sender, int attempts, Duration firstRetry,
                          Duration timeout) {

    public static final String DEFAULT_SENDER = "Guichet";
    private static final Pattern SENDER = Pattern.compile("[A-Za-z0-9]{3,11}");

    public SmsSettings {
        url = blankToNull(url);
        apiKey = blankToNull(apiKey);
        if (url != null && !httpAddress(url)) {
            throw new IllegalArgumentException("sms.url (or GUICHET_SMS_URL) must be an http(s) address, such as "
                    + "https://api.brevo.com/v3/transactionalSMS/send.");
        }
        if (sender == null || !SENDER.matcher(sender).matches()) {
            throw new IllegalArgumentException("sms.sender must be 3 to 11 letters or digits, without spaces.");
        }
        // At most 6 attempts 60 s apart at first (then 120, 240…): a reminder later than half an hour is of no use.
        if (attempts < 1 || attempts > 6) {
            throw new IllegalArgumentException("sms.attempts must be a whole number from 1 to 6.");
        }
        if (firstRetry == null || firstRetry.isNegative() || firstRetry.isZero() || timeout == null
            || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("sms.firstRetrySeconds and sms.timeoutSeconds must be positive.");
        }
    }

    public static SmsSettings off() {
        return new SmsSettings(null, null, DEFAULT_SENDER, 4, Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    /**
     * {@code sms: {url, apiKey, apiKeyFile, sender, attempts, firstRetrySeconds, timeoutSeconds}}. GUICHET_SMS_URL
     * wins over {@code url}; the key is GUICHET_SMS_API_KEY, else the content of the file GUICHET_SMS_API_KEY_FILE or
     * {@code apiKeyFile} names (so that it can be a container secret), else {@code apiKey}.
     */
    public static SmsSettings fromConfig(JsonObject config) {
        Object section = config.getValue("sms");
        JsonObject sms = section instanceof JsonObject object ? object : new JsonObject();
        String url = firstText(config.getValue("GUICHET_SMS_URL"), sms.getValue("url"));
        String key = firstText(config.getValue("GUICHET_SMS_API_KEY"));
        String keyFile = firstText(config.getValue("GUICHET_SMS_API_KEY_FILE"), sms.getValue("apiKeyFile"));
        if (key == null && keyFile != null) {
            key = read(keyFile);
        }
        if (key == null) {
            key = firstText(sms.getValue("apiKey"));
        }
        String sender = firstText(sms.getValue("sender"));
        return new SmsSettings(url, key, sender == null ? DEFAULT_SENDER : sender,
                whole(sms.getValue("attempts", 4)), seconds("firstRetrySeconds", sms.getValue("firstRetrySeconds", 2)),
                seconds("timeoutSeconds", sms.getValue("timeoutSeconds", 10)));
    }

    public boolean enabled() {
        return url != null && apiKey != null;
    }

    /**
     * The gateway the rest of the server uses: Brevo over HTTP with retries, or one that refuses every message when
     * SMS are off.
     */
    public SmsGateway create(Vertx vertx, SmsCounters counters, SmsFailureListener listener) {
        if (!enabled()) {
            return SmsGateway.off();
        }
        return new RetryingSmsGateway(vertx, new HttpSmsGateway(vertx, this), this, counters, listener);
    }

    /** Never the key: settings are printed in logs and test reports. */
    @Override
    public String toString() {
        return enabled() ? "SmsSettings[url=" + withoutQuery(url) + ", apiKey=(set), sender=" + sender + ", attempts="
                + attempts + ", firstRetry=" + firstRetry + ", timeout=" + timeout + "]" : "SmsSettings[off]";
    }

    /** A provider might take a key in the query or the user part too: only where requests go is printed. */
    private static String withoutQuery(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static String read(String file) {
        try {
            String key = Files.readString(Path.of(file)).trim();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("sms.apiKeyFile " + file + " is empty.");
            }
            return key;
        } catch (IOException e) {
            throw new IllegalArgumentException("sms.apiKeyFile " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + ").", e);
        }
    }

    private static int whole(Object value) {
        if (value instanceof Number number && number.doubleValue() == number.intValue()) {
            return number.intValue();
        }
        throw new IllegalArgumentException("sms.attempts must be a whole number from 1 to 6.");
    }

    private static Duration seconds(String key, Object value) {
        if (value instanceof Number number && number.doubleValue() > 0 && number.doubleValue() <= 60) {
            return Duration.ofMillis(Math.max(1, Math.round(number.doubleValue() * 1000)));
        }
        throw new IllegalArgumentException("sms." + key + " must be a number of seconds above 0, at most 60.");
    }

    private static boolean httpAddress(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String firstText(Object... values) {
        for (Object value : values) {
            if (value != null && !String.valueOf(value).isBlank()) {
                return String.valueOf(value).trim();
            }
        }
        return null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
