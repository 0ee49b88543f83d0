package org.guichet.server.sso;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.guichet.server.domain.SsoClaims;
import org.guichet.server.domain.SsoSettings;
import org.guichet.server.domain.Tokens;
import org.guichet.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agents' single sign-on against a real OpenID Connect provider started here (mock-oauth2-server, which checks PKCE
 * and puts the nonce it was given in its ID tokens): discovery, the code flow with PKCE, roles and sites from claims,
 * an agent the claims give nothing to left pending, state and replay refused, log-out.
 */
class SingleSignOnTest {

    private static final String CLIENT_ID = "guichet-tests";
    private static final String ISSUER_ID = "agents";
    private static final MockOAuth2Server provider = startedProvider();

    @RegisterExtension
    static final TestServer server = TestServer.perClass().withOptions(options -> options.withSso(settings()));

    private static MockOAuth2Server startedProvider() {
        MockOAuth2Server started = new MockOAuth2Server();
        started.start();
        return started;
    }

    @AfterAll
    static void stopProvider() {
        provider.shutdown();
    }

    static SsoSettings settings() {
        return SsoSettings.fromConfig(new JsonObject()
                .put("issuer", provider.issuerUrl(ISSUER_ID).toString())
                .put("clientId", CLIENT_ID)
                .put("redirectBaseUrl", "http://guichet.test")
                .put("scopes", new JsonArray().add("openid").add("email").add("profile"))
                .put("label", new JsonObject().put("fr", "Se connecter avec l'annuaire")
                        .put("en", "Log in with the directory"))
                .put("roles", new JsonObject().put("claim", "groups").put("values", new JsonObject()
                        .put("guichet-agents", "agent").put("guichet-superviseurs", "supervisor")))
                .put("sites", new JsonObject().put("claim", "sites").put("values", new JsonObject()
                        .put("SITE-UN", "s1").put("SITE-DEUX", "s2"))), "client-secret-for-tests");
    }

    /** The provider's next sign-on is this person's, with these claims. */
    private static void nextSignOnIs(String subject, Map<String, Object> claims) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID),
                claims, 3600));
    }

    /** A sign-on from the app's start to the server's answer to the provider's redirection. */
    private record SignOn(String authorizeUrl, String callbackQuery, HttpResponse<Buffer> unused,
                          java.net.http.HttpResponse<String> landing) {
    }

    private SignOn signOn(SignOnBrowser browser, String app) {
        java.net.http.HttpResponse<String> start = browser.get("/api/v1/auth/sso/start?app=" + app);
        assertThat(start.statusCode()).as(start.body()).isEqualTo(303);
        String authorize = SignOnBrowser.location(start);
        java.net.http.HttpResponse<String> atProvider = browser.get(authorize);
        assertThat(atProvider.statusCode()).as(atProvider.body()).isEqualTo(302);
        String back = SignOnBrowser.location(atProvider);
        assertThat(back).startsWith("http://guichet.test/api/v1/auth/sso/callback?");
        String query = back.substring(back.indexOf('?') + 1);
        return new SignOn(authorize, query, null, browser.get("/api/v1/auth/sso/callback?" + query));
    }

    @Test
    void aSupervisorSignsOnWithPkceAndGetsASessionForTheSiteTheClaimsName() {
        JsonObject offered = TestServer.ok(server.get("/api/v1/auth/sso", null));
        assertThat(offered.getBoolean("enabled")).isTrue();
        assertThat(offered.getBoolean("localPasswords")).isTrue();
        assertThat(offered.getJsonObject("label").getString("en")).isEqualTo("Log in with the directory");

        nextSignOnIs("sup-1", Map.of("groups", List.of("guichet-superviseurs"), "sites", List.of("SITE-UN"),
                "email", "Claire.Sup@example.fr", "name", "Claire Sup"));
        SignOn signOn = signOn(new SignOnBrowser(server.baseUrl()), "supervisor");

        Map<String, String> asked = SignOnBrowser.parameters(signOn.authorizeUrl());
        assertThat(signOn.authorizeUrl()).startsWith(provider.authorizationEndpointUrl(ISSUER_ID).toString());
        assertThat(asked).containsEntry("code_challenge_method", "S256").containsEntry("client_id", CLIENT_ID)
                .containsEntry("response_type", "code").containsKeys("code_challenge", "state", "nonce");
        assertThat(asked.get("scope").split(" ")).contains("openid", "email", "profile");
        String code = SignOnBrowser.parameters(signOn.callbackQuery()).get("code");
        // The provider received the challenge, and the exchange of this code carried the verifier that makes it.
        RecordedRequest exchange = tokenRequestFor(code);
        Map<String, String> form = SignOnBrowser.parameters(exchange.getBody().readUtf8());
        assertThat(form).containsEntry("grant_type", "authorization_code").containsKey("code_verifier");
        assertThat(SsoClaims.s256(form.get("code_verifier"))).isEqualTo(asked.get("code_challenge"));

        assertThat(signOn.landing().statusCode()).as(signOn.landing().body()).isEqualTo(303);
        String landing = SignOnBrowser.location(signOn.landing());
        assertThat(landing).startsWith("/supervisor/#sso=");
        String handoff = landing.substring("/supervisor/#sso=".length());

        JsonObject session = TestServer.ok(server.post("/api/v1/auth/sso/exchange", null,
                new JsonObject().put("code", handoff)));
        String token = session.getString("token");
        assertThat(token).startsWith(Tokens.AGENT_PREFIX);
        assertThat(session.getJsonObject("agent").getString("role")).isEqualTo("supervisor");
        assertThat(session.getJsonObject("agent").getJsonArray("siteIds")).containsExactly("s1");
        assertThat(session.getJsonObject("agent").getString("username")).isEqualTo("claire.sup@example.fr");
        assertThat(session.getJsonObject("agent").getString("displayName")).isEqualTo("Claire Sup");
        assertThat(session.getString("logoutUrl")).startsWith(provider.endSessionEndpointUrl(ISSUER_ID).toString())
                .contains("id_token_hint=").contains("post_logout_redirect_uri=");
        assertThat(server.sql("SELECT count(*) FROM agent_identity WHERE issuer = $1 AND subject = $2",
                provider.issuerUrl(ISSUER_ID).toString(), "sup-1").get(0).getLong(0)).isEqualTo(1);

        // A supervisor of s1 and of nothing else.
        TestServer.status(server.get("/api/v1/stats/live?siteId=s1", token), 200);
        TestServer.status(server.get("/api/v1/stats/live?siteId=s2", token), 403);
        // The one-time code is spent.
        HttpResponse<Buffer> again = server.post("/api/v1/auth/sso/exchange", null,
                new JsonObject().put("code", handoff));
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(again.bodyAsJsonObject().getString("error")).isEqualTo("sso_code_invalid");

        TestServer.status(server.post("/api/v1/auth/logout", token, null), 204);
        TestServer.status(server.get("/api/v1/auth/me", token), 401);
    }

    @Test
    void theClaimsDecideAgainAtEachSignOnAndEndTheSessionsOfTheOldAccess() {
        nextSignOnIs("moving-1", Map.of("groups", List.of("guichet-agents"), "sites", List.of("SITE-UN"),
                "email", "mobile@example.fr"));
        String first = sessionOf(signOn(new SignOnBrowser(server.baseUrl()), "counter"), "counter");
        nextSignOnIs("moving-1", Map.of("groups", List.of("guichet-agents", "guichet-superviseurs"),
                "sites", List.of("SITE-DEUX"), "email", "mobile@example.fr"));
        String second = sessionOf(signOn(new SignOnBrowser(server.baseUrl()), "supervisor"), "supervisor");

        JsonObject me = TestServer.ok(server.get("/api/v1/auth/me", second));
        assertThat(me.getString("role")).isEqualTo("supervisor");
        assertThat(me.getJsonArray("siteIds")).containsExactly("s2");
        assertThat(me.getString("username")).isEqualTo("mobile@example.fr");
        TestServer.status(server.get("/api/v1/auth/me", first), 401);
    }

    @Test
    void anAgentTheClaimsGiveNothingToLandsPendingAndAdministratorsSeeThem() {
        nextSignOnIs("newcomer-1", Map.of("groups", List.of("other-application"), "email", "nouveau@example.fr",
                "given_name", "Jean", "usual_name", "Nouveau"));
        long sessionsBefore = count("agent_session");
        SignOn signOn = signOn(new SignOnBrowser(server.baseUrl()), "counter");

        assertThat(signOn.landing().statusCode()).isEqualTo(303);
        assertThat(SignOnBrowser.location(signOn.landing())).isEqualTo("/counter/#sso-pending");
        assertThat(count("agent_session")).isEqualTo(sessionsBefore);
        JsonArray agents = server.get("/api/v1/admin/agents", server.adminToken()).bodyAsJsonArray();
        JsonObject newcomer = agents.stream().map(JsonObject.class::cast)
                .filter(agent -> agent.getString("username").equals("nouveau@example.fr")).findFirst().orElseThrow();
        assertThat(newcomer.getBoolean("pending")).isTrue();
        assertThat(newcomer.getString("displayName")).isEqualTo("Jean Nouveau");
        assertThat(newcomer.getJsonArray("siteIds")).isEmpty();
        JsonObject admin = agents.stream().map(JsonObject.class::cast)
                .filter(agent -> agent.getString("username").equals("admin")).findFirst().orElseThrow();
        assertThat(admin.getBoolean("pending")).isFalse();
    }

    @Test
    void aForeignStateAnotherBrowserOrAReplayedAnswerIsRefusedWithoutASession() {
        long sessionsBefore = count("agent_session");
        long handoffsBefore = count("sso_handoff");

        nextSignOnIs("careful-1", Map.of("groups", List.of("guichet-agents"), "sites", List.of("SITE-UN")));
        SignOnBrowser browser = new SignOnBrowser(server.baseUrl());
        java.net.http.HttpResponse<String> start = browser.get("/api/v1/auth/sso/start?app=counter");
        String back = SignOnBrowser.location(browser.get(SignOnBrowser.location(start)));
        Map<String, String> answer = SignOnBrowser.parameters(back);
        // A state this server never gave.
        assertRefused(browser.get("/api/v1/auth/sso/callback?code=" + answer.get("code") + "&state="
                + Tokens.newToken("")), 400);
        // The right state, from a browser that did not start the sign-on: refused, and the state is spent.
        SignOnBrowser other = new SignOnBrowser(server.baseUrl());
        assertRefused(other.get("/api/v1/auth/sso/callback?" + back.substring(back.indexOf('?') + 1)), 400);
        assertRefused(browser.get("/api/v1/auth/sso/callback?" + back.substring(back.indexOf('?') + 1)), 400);
        assertThat(count("sso_handoff")).isEqualTo(handoffsBefore);

        // A sign-on that went through, its answer replayed.
        nextSignOnIs("careful-1", Map.of("groups", List.of("guichet-agents"), "sites", List.of("SITE-UN")));
        SignOn done = signOn(browser, "counter");
        assertThat(done.landing().statusCode()).isEqualTo(303);
        assertRefused(browser.get("/api/v1/auth/sso/callback?" + done.callbackQuery()), 400);
        assertThat(count("sso_handoff")).isEqualTo(handoffsBefore + 1);
        // The provider saying no.
        java.net.http.HttpResponse<String> refused = browser.get("/api/v1/auth/sso/start?app=counter");
        String state = SignOnBrowser.parameters(SignOnBrowser.location(refused)).get("state");
        assertRefused(browser.get("/api/v1/auth/sso/callback?error=access_denied&state=" + state), 401);
        // An app that does not exist.
        assertRefused(browser.get("/api/v1/auth/sso/start?app=elsewhere"), 400);
        assertThat(count("agent_session")).isEqualTo(sessionsBefore);
    }

    @Test
    void aLocalAccountWithTheSameUsernameIsNeverTakenOver() {
        String local = server.agent("homonyme@example.fr", "admin", "s1");
        nextSignOnIs("homonym-1", Map.of("groups", List.of("guichet-agents"), "sites", List.of("SITE-DEUX"),
                "email", "homonyme@example.fr"));
        String token = sessionOf(signOn(new SignOnBrowser(server.baseUrl()), "counter"), "counter");

        JsonObject me = TestServer.ok(server.get("/api/v1/auth/me", token));
        assertThat(me.getString("username")).startsWith("homonyme@example.fr-");
        assertThat(me.getString("role")).isEqualTo("agent");
        JsonObject localMe = TestServer.ok(server.get("/api/v1/auth/me", local));
        assertThat(localMe.getString("role")).isEqualTo("admin");
        assertThat(localMe.getJsonArray("siteIds")).containsExactly("s1");
    }

    private String sessionOf(SignOn signOn, String app) {
        assertThat(signOn.landing().statusCode()).as(signOn.landing().body()).isEqualTo(303);
        String landing = SignOnBrowser.location(signOn.landing());
        assertThat(landing).startsWith("/" + app + "/#sso=");
        return TestServer.ok(server.post("/api/v1/auth/sso/exchange", null, new JsonObject()
                .put("code", landing.substring(landing.indexOf("#sso=") + 5)))).getString("token");
    }

    private static void assertRefused(java.net.http.HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonObject body = new JsonObject(response.body());
        assertThat(body.getString("error")).isNotBlank();
        assertThat(body.getString("message")).isNotBlank();
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    private static long count(String table) {
        return server.sql("SELECT count(*) FROM " + table).get(0).getLong(0);
    }

    /** The provider's record of the token request that exchanged this code (earlier requests are passed over). */
    private static RecordedRequest tokenRequestFor(String code) {
        while (true) {
            RecordedRequest request = provider.takeRequest(30, TimeUnit.SECONDS);
            assertThat(request).as("the provider's token request for the code").isNotNull();
            if (request.getPath() != null && request.getPath().startsWith("/" + ISSUER_ID + "/token")) {
                String body = request.getBody().clone().readUtf8();
                if (SignOnBrowser.parameters(body).getOrDefault("code", "").equals(code)) {
                    return request;
                }
            }
        }
    }
}
