package org.guichet.server.domain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SsoClaimsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final Set<String> SITES = Set.of("s1", "s2");

    private static SsoSettings settings(JsonObject extra) {
        return SsoSettings.fromConfig(new JsonObject().put("issuer", "https://idp.example/realms/guichet/")
                .put("clientId", "guichet").put("redirectBaseUrl", "https://guichet.example/").mergeIn(extra),
                "secret");
    }

    private static final SsoSettings KEYCLOAK = settings(new JsonObject()
            .put("roles", new JsonObject().put("claim", "realm_access.roles").put("values", new JsonObject()
                    .put("guichet-agent", "agent").put("guichet-superviseur", "supervisor")
                    .put("guichet-admin", "admin")))
            .put("sites", new JsonObject().put("claim", "sites").put("values", new JsonObject()
                    .put("MTP", "s1").put("NIM", "s2").put("TOUS", "*"))));

    private static JsonObject token(String nonce, long exp) {
        return new JsonObject().put("sub", "abc").put("nonce", nonce).put("exp", exp)
                .put("iat", NOW.getEpochSecond() - 5);
    }

    @Test
    void anIdTokenMustCarryThisSignOnsNonceAndNotHaveExpired() {
        long later = NOW.getEpochSecond() + 300;
        assertThat(SsoClaims.idTokenProblem(token("n-1", later), "n-1", NOW)).isEmpty();
        assertThat(SsoClaims.idTokenProblem(token("n-2", later), "n-1", NOW)).get().asString().contains("nonce");
        assertThat(SsoClaims.idTokenProblem(token("n-1", later).put("nonce", (String) null), "n-1", NOW)).isPresent();
        assertThat(SsoClaims.idTokenProblem(token("n-1", NOW.getEpochSecond() - 120), "n-1", NOW)).get().asString()
                .contains("expired");
        assertThat(SsoClaims.idTokenProblem(token("n-1", later).put("iat", NOW.getEpochSecond() + 600), "n-1", NOW))
                .get().asString().contains("future");
        assertThat(SsoClaims.idTokenProblem(token("n-1", later).put("sub", ""), "n-1", NOW)).isPresent();
        assertThat(SsoClaims.idTokenProblem(null, "n-1", NOW)).isPresent();
    }

    @Test
    void theS256ChallengeIsTheUnpaddedBase64urlOfTheVerifiersSha256() {
        // Computed apart, with Python's hashlib and base64.urlsafe_b64encode, '=' removed.
        assertThat(SsoClaims.s256("dBjftJeZ4CVP-mJ92K1akWpCKLvHoPB5IkjRBlH3qfeM"))
                .isEqualTo("3pvyxn-F4sJNaw2qblDTvf4rMJ2e4yAuaXjFYUHezUU");
    }

    @Test
    void theHighestMappedRoleWithItsKnownSitesIsGiven() {
        JsonObject claims = new JsonObject()
                .put("realm_access", new JsonObject().put("roles", new JsonArray()
                        .add("offline_access").add("guichet-agent").add("guichet-superviseur")))
                .put("sites", new JsonArray().add("MTP").add("LYON"));
        assertThat(SsoClaims.access(KEYCLOAK, claims, SITES))
                .isEqualTo(new SsoClaims.Access(Role.SUPERVISOR, List.of("s1")));
    }

    @Test
    void withoutARoleOrASiteTheAgentIsPending() {
        assertThat(SsoClaims.access(KEYCLOAK, new JsonObject().put("sites", "MTP"), SITES).isPending()).isTrue();
        JsonObject noSite = new JsonObject().put("realm_access", new JsonObject().put("roles", "guichet-agent"));
        assertThat(SsoClaims.access(KEYCLOAK, noSite, SITES).isPending()).isTrue();
        JsonObject adminNoSite = new JsonObject().put("realm_access", new JsonObject().put("roles", "guichet-admin"));
        assertThat(SsoClaims.access(KEYCLOAK, adminNoSite, SITES).isPending()).isTrue();
    }

    @Test
    void everySiteIsGivenOnlyToAnAdministrator() {
        JsonObject admin = new JsonObject().put("realm_access", new JsonObject().put("roles", "guichet-admin"))
                .put("sites", "TOUS");
        assertThat(SsoClaims.access(KEYCLOAK, admin, SITES)).isEqualTo(new SsoClaims.Access(Role.ADMIN, List.of()));
        JsonObject agent = new JsonObject().put("realm_access", new JsonObject().put("roles", "guichet-agent"))
                .put("sites", "TOUS");
        assertThat(SsoClaims.access(KEYCLOAK, agent, SITES).isPending()).isTrue();
    }

    @Test
    void usernamesAndNamesComeFromTheUsualClaims() {
        JsonObject proConnect = new JsonObject().put("email", "Anne.Martin@Herault.fr").put("given_name", "Anne")
                .put("usual_name", "Martin");
        assertThat(SsoClaims.username(KEYCLOAK, proConnect, "iss", "sub")).isEqualTo("anne.martin@herault.fr");
        assertThat(SsoClaims.displayName(proConnect, "x")).isEqualTo("Anne Martin");
        assertThat(SsoClaims.username(KEYCLOAK, new JsonObject(), "iss", "sub")).startsWith("sso-");
        assertThat(SsoClaims.distinctUsername("a@b.fr", "iss", "sub"))
                .isNotEqualTo(SsoClaims.distinctUsername("a@b.fr", "iss", "other")).startsWith("a@b.fr-");
    }

    @Test
    void settingsAreCheckedAndTheSecretIsNeverPrinted() {
        assertThat(KEYCLOAK.issuer()).isEqualTo("https://idp.example/realms/guichet");
        assertThat(KEYCLOAK.redirectUri()).isEqualTo("https://guichet.example/api/v1/auth/sso/callback");
        assertThat(KEYCLOAK.scopes()).contains("openid");
        assertThat(KEYCLOAK.toString()).doesNotContain("secret\"").contains("clientSecret=(set)")
                .doesNotContain("=secret");
        assertThat(SsoSettings.fromConfig(new JsonObject(), null).enabled()).isFalse();
        assertThatThrownBy(() -> SsoSettings.fromConfig(new JsonObject().put("localPasswords", false), null))
                .hasMessageContaining("localPasswords");
        assertThatThrownBy(() -> SsoSettings.fromConfig(new JsonObject().put("issuer", "https://idp.example")
                .put("clientId", "g").put("redirectBaseUrl", "https://g.example"), " "))
                .hasMessageContaining("clientSecret");
        assertThat(KEYCLOAK.pkce()).isTrue();
        assertThat(KEYCLOAK.secretInBody()).isFalse();
        SsoSettings proConnect = settings(new JsonObject().put("pkce", false).put("clientAuthentication", "post"));
        assertThat(proConnect.pkce()).isFalse();
        assertThat(proConnect.secretInBody()).isTrue();
        assertThatThrownBy(() -> settings(new JsonObject().put("clientAuthentication", "jwt")))
                .hasMessageContaining("basic or post");
        assertThatThrownBy(() -> settings(new JsonObject().put("roles", new JsonObject().put("claim", "groups")
                .put("values", new JsonObject().put("g", "king"))))).hasMessageContaining("king");
    }
}
