package org.guichet.server.sso;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.guichet.server.domain.SsoSettings;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider set up as ProConnect's documentation asks (no roles in its claims, no PKCE parameter, the client secret
 * in the token request's form): the first sign-on leaves the agent pending, an administrator gives a role and sites,
 * and from the next sign-on the agent has them.
 */
class SsoAccessGivenByAdministratorTest {

    private static final String CLIENT_ID = "guichet-tests";
    private static final String ISSUER_ID = "federation";
    private static final MockOAuth2Server provider = startedProvider();

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withOptions(options -> options.withSso(
            SsoSettings.fromConfig(new JsonObject().put("issuer", provider.issuerUrl(ISSUER_ID).toString())
                    .put("clientId", CLIENT_ID).put("redirectBaseUrl", "http://guichet.test")
                    .put("scopes", "openid email given_name usual_name siret").put("pkce", false)
                    .put("clientAuthentication", "post"), "client-secret-for-tests")));

    private static MockOAuth2Server startedProvider() {
        MockOAuth2Server started = new MockOAuth2Server();
        started.start();
        return started;
    }

    @AfterAll
    static void stopProvider() {
        provider.shutdown();
    }

    @Test
    void aPendingAgentGetsTheAccessAnAdministratorGives() {
        Map<String, Object> claims = Map.of("email", "agent.public@example.gouv.fr", "given_name", "Anne",
                "usual_name", "Publique", "groups", List.of("guichet-superviseurs"));
        assertThat(signOn(claims)).isEqualTo("/counter/#sso-pending");

        JsonObject pending = server.get("/api/v1/admin/agents", server.adminToken()).bodyAsJsonArray().stream()
                .map(JsonObject.class::cast)
                .filter(agent -> agent.getString("username").equals("agent.public@example.gouv.fr"))
                .findFirst().orElseThrow();
        assertThat(pending.getBoolean("pending")).isTrue();
        assertThat(pending.getString("role")).isEqualTo("agent");
        JsonObject given = TestServer.ok(server.send(io.vertx.core.http.HttpMethod.PATCH,
                "/api/v1/admin/agents/" + pending.getLong("id"), server.adminToken(), new JsonObject()
                        .put("version", pending.getInteger("version")).put("role", "supervisor")
                        .put("siteIds", new JsonArray().add("s2"))));
        assertThat(given.getBoolean("pending")).isFalse();

        String landing = signOn(claims);
        assertThat(landing).startsWith("/counter/#sso=");
        JsonObject session = TestServer.ok(server.post("/api/v1/auth/sso/exchange", null,
                new JsonObject().put("code", landing.substring(landing.indexOf("#sso=") + 5))));
        assertThat(session.getJsonObject("agent").getString("role")).isEqualTo("supervisor");
        assertThat(session.getJsonObject("agent").getJsonArray("siteIds")).containsExactly("s2");
        TestServer.status(server.get("/api/v1/stats/live?siteId=s2", session.getString("token")), 200);
        TestServer.status(server.get("/api/v1/stats/live?siteId=s1", session.getString("token")), 403);
    }

    /** A sign-on from the counter app with these claims; answers where the server sends the browser back. */
    private static String signOn(Map<String, Object> claims) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "pc-7781", "JWT", List.of(CLIENT_ID),
                claims, 3600));
        SignOnBrowser browser = new SignOnBrowser(server.baseUrl());
        String authorize = SignOnBrowser.location(browser.get("/api/v1/auth/sso/start?app=counter"));
        assertThat(SignOnBrowser.parameters(authorize)).doesNotContainKeys("code_challenge", "code_challenge_method")
                .containsKeys("state", "nonce");
        String back = SignOnBrowser.location(browser.get(authorize));
        String code = SignOnBrowser.parameters(back).get("code");
        HttpResponse<String> landing = browser.get("/api/v1/auth/sso/callback?"
                                                   + back.substring(back.indexOf('?') + 1));
        assertThat(landing.statusCode()).as(landing.body()).isEqualTo(303);
        Map<String, String> exchange = tokenRequestFor(code);
        assertThat(exchange).containsEntry("client_id", CLIENT_ID)
                .containsEntry("client_secret", "client-secret-for-tests").doesNotContainKey("code_verifier");
        return SignOnBrowser.location(landing);
    }

    /** The form of the provider's token request that exchanged this code (earlier requests are passed over). */
    private static Map<String, String> tokenRequestFor(String code) {
        while (true) {
            okhttp3.mockwebserver.RecordedRequest request = provider.takeRequest(30,
                    java.util.concurrent.TimeUnit.SECONDS);
            assertThat(request).as("the provider's token request for the code").isNotNull();
            if (request.getPath() != null && request.getPath().startsWith("/" + ISSUER_ID + "/token")) {
                Map<String, String> form = SignOnBrowser.parameters(request.getBody().clone().readUtf8());
                if (code.equals(form.get("code"))) {
                    return form;
                }
            }
        }
    }
}
