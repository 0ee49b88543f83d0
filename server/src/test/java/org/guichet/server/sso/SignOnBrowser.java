package org.guichet.server.sso;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A browser as far as a sign-on needs one: follows no redirection by itself (the test looks at each), and keeps the
 * one cookie the server sets for a sign-on under way.
 */
final class SignOnBrowser {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String serverBase;
    private String cookie;

    SignOnBrowser(String serverBase) {
        this.serverBase = serverBase;
    }

    /** GET of a path of the server, or of an absolute address, with the cookie when there is one. */
    HttpResponse<String> get(String pathOrUrl) {
        URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : serverBase + pathOrUrl);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (cookie != null && pathOrUrl.startsWith("/")) {
            request.header("Cookie", cookie);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").stream().filter(set -> set.startsWith("guichet_sso="))
                    .findFirst().ifPresent(set -> cookie = set.substring(0, set.indexOf(';')));
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void forgetCookie() {
        cookie = null;
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location in " + response.statusCode() + " "
                                                       + response.body()));
    }

    /** The parameters of an address's query (or of a form body). */
    static Map<String, String> parameters(String urlOrForm) {
        String query = urlOrForm.contains("?") ? urlOrForm.substring(urlOrForm.indexOf('?') + 1) : urlOrForm;
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }
}
