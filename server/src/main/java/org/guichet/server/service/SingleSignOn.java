package org.guichet.server.service;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import org.guichet.server.domain.Agent;
import org.guichet.server.domain.AuditEntry;
import org.guichet.server.domain.Failure;
import org.guichet.server.domain.SsoClaims;
import org.guichet.server.domain.SsoSettings;
import org.guichet.server.domain.Tokens;
import org.guichet.server.store.AgentStore;
import org.guichet.server.store.IdentityStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Agents' sign-on with an OpenID Connect provider: discovery, the authorization-code flow with PKCE (S256), state and
 * nonce. A sign-on under way is kept in the database (any node may receive the provider's answer) and tied to the
 * browser that started it; the account is the one linked to the provider's (issuer, subject), made at the first
 * sign-on with the access the claims give, or none ("pending") until an administrator gives it. The page then takes
 * an ordinary Guichet session with a one-time code, so that no session token ever appears in an address.
 */
public final class SingleSignOn {

    private static final Logger LOG = LoggerFactory.getLogger(SingleSignOn.class);
    /** How long a browser has to come back from the provider. */
    public static final Duration LOGIN_LIFETIME = Duration.ofMinutes(10);
    /** How long the page has to take its session once back. */
    public static final Duration HANDOFF_LIFETIME = Duration.ofSeconds(60);
    /** The apps a sign-on may start from, and come back to. */
    public static final Set<String> APPS = Set.of("counter", "supervisor", "admin");
    private static final int LONGEST_PROVIDER_ERROR = 80;

    /** Where to send the browser, and the value of the cookie that ties the sign-on to it. */
    public record Start(String authorizeUrl, String browserBinding) {
    }

    /** Back from the provider: the app to return to, with the one-time code, or none when access is pending. */
    public record Landing(String app, String handoffCode) {

        public boolean pending() {
            return handoffCode == null;
        }
    }

    /** A session taken with a one-time code; {@code logoutUrl}: the provider's log-out, or null when it has none. */
    public record SignedIn(Accounts.Session session, String logoutUrl) {
    }

    private final Vertx vertx;
    private final SsoSettings settings;
    private final IdentityStore identities;
    private final AgentStore agents;
    private final Catalogs catalogs;
    private final Authentication authentication;
    private final Announcements announcements;
    private final Clock clock;
    private final Duration sessionLifetime;
    private final AtomicReference<Future<Provider>> provider = new AtomicReference<>();

    private record Provider(OAuth2Auth auth, OAuth2Options options) {
    }

    public SingleSignOn(Vertx vertx, SsoSettings settings, IdentityStore identities, AgentStore agents,
                        Catalogs catalogs, Authentication authentication, Announcements announcements, Clock clock,
                        Duration sessionLifetime) {
        this.vertx = vertx;
        this.settings = settings;
        this.identities = identities;
        this.agents = agents;
        this.catalogs = catalogs;
        this.authentication = authentication;
        this.announcements = announcements;
        this.clock = clock;
        this.sessionLifetime = sessionLifetime;
    }

    public SsoSettings settings() {
        return settings;
    }

    /** What the log-in pages show: whether sign-on is offered, its button's text, whether passwords still work. */
    public JsonObject publicSettings() {
        JsonObject answer = new JsonObject().put("enabled", settings.enabled())
                .put("localPasswords", settings.localPasswords());
        if (settings.enabled()) {
            answer.put("label", new JsonObject().put("fr", settings.label("fr")).put("en", settings.label("en")));
        }
        return answer;
    }

    /** Starts a sign-on from an app: where to send the browser (the provider's authorization endpoint). */
    public Future<Start> start(String app) {
        requireEnabled();
        if (app == null || !APPS.contains(app)) {
            throw Failure.invalid("app must be one of " + String.join(", ", APPS.stream().sorted().toList()) + ".");
        }
        String state = Tokens.newToken("");
        String nonce = Tokens.newToken("");
        String verifier = Tokens.newToken("");
        String browser = Tokens.newToken("");
        Instant now = clock.instant();
        return provider().compose(found -> identities.insertLogin(Tokens.hash(state),
                        new IdentityStore.Login(Tokens.hash(browser), nonce, verifier, app), now,
                        now.plus(LOGIN_LIFETIME))
                .map(done -> new Start(found.auth().authorizeURL(authorization(state, nonce, verifier)), browser)));
    }

    private OAuth2AuthorizationURL authorization(String state, String nonce, String verifier) {
        OAuth2AuthorizationURL url = new OAuth2AuthorizationURL().setRedirectUri(settings.redirectUri())
                .setScopes(settings.scopes()).setState(state).putAdditionalParameter("nonce", nonce);
        return settings.pkce() ? url.setCodeChallenge(SsoClaims.s256(verifier)).setCodeChallengeMethod("S256") : url;
    }

    /**
     * The provider's answer: the sign-on under way must be known, unused, not expired and this browser's; the code
     * is exchanged (with the PKCE verifier) and the ID token checked; then the agent is found or made.
     */
    public Future<Landing> callback(String state, String code, String providerError, String browserBinding) {
        requireEnabled();
        if (state == null || state.isBlank() || state.length() > 200) {
            throw Failure.invalid("This sign-on answer has no valid state; start again from the log-in page.");
        }
        Instant now = clock.instant();
        return identities.takeLogin(Tokens.hash(state), now).compose(found -> {
            IdentityStore.Login login = found.orElseThrow(() -> Failure.invalid("This sign-on is unknown, already "
                    + "used or expired; start again from the log-in page."));
            if (browserBinding == null || !MessageDigest.isEqual(Tokens.hash(browserBinding), login.browserHash())) {
                throw Failure.invalid("This sign-on was started in another browser; start again from the log-in "
                        + "page.");
            }
            if (providerError != null) {
                String said = providerError.replaceAll("[^A-Za-z0-9_.-]", "");
                throw Failure.unauthenticated("sso_refused", "The identity provider refused the sign-on ("
                        + said.substring(0, Math.min(said.length(), LONGEST_PROVIDER_ERROR)) + ").");
            }
            if (code == null || code.isBlank()) {
                throw Failure.invalid("The identity provider's answer has no code.");
            }
            return provider().compose(found2 -> exchange(found2, login, code))
                    .compose(signed -> landing(login.app(), signed));
        });
    }

    /** The page takes its session with the one-time code (once, within {@link #HANDOFF_LIFETIME}). */
    public Future<SignedIn> exchange(String handoffCode) {
        requireEnabled();
        if (handoffCode == null || handoffCode.isBlank() || handoffCode.length() > 200) {
            throw Failure.invalid("code is required.");
        }
        Instant now = clock.instant();
        return identities.takeHandoff(Tokens.hash(handoffCode), now).compose(found -> {
            IdentityStore.Handoff handoff = found.orElseThrow(() -> Failure.unauthenticated("sso_code_invalid",
                    "This sign-on code is unknown, already used or expired; sign on again."));
            return agents.agent(handoff.agentId()).compose(agent -> {
                Agent account = agent.filter(Agent::active).orElseThrow(() -> Failure.unauthenticated(
                        "account_deactivated", "This account has been deactivated; ask an administrator."));
                String token = Tokens.newToken(Tokens.AGENT_PREFIX);
                Instant expires = now.plus(sessionLifetime);
                return agents.insertSession(Tokens.hash(token), account.id(), now, expires)
                        .compose(done -> provider())
                        .map(found2 -> new SignedIn(new Accounts.Session(token, expires, account, false),
                                logoutUrl(found2.options(), handoff.idToken())));
            });
        });
    }

    private record Signed(JsonObject claims, String issuer, String subject, String idToken) {
    }

    private Future<Signed> exchange(Provider found, IdentityStore.Login login, String code) {
        Oauth2Credentials credentials = new Oauth2Credentials().setFlow(OAuth2FlowType.AUTH_CODE).setCode(code)
                .setRedirectUri(settings.redirectUri());
        return found.auth().authenticate(settings.pkce() ? credentials.setCodeVerifier(login.codeVerifier())
                        : credentials)
                .recover(failure -> {
                    LOG.warn("Single sign-on: the provider refused the code exchange: {}", oneLine(failure));
                    return Future.failedFuture(Failure.unauthenticated("sso_failed",
                            "The identity provider did not confirm the sign-on; start again from the log-in page."));
                })
                .compose(user -> {
                    JsonObject idToken = user.attributes().getJsonObject("idToken");
                    Optional<String> problem = SsoClaims.idTokenProblem(idToken, login.nonce(), clock.instant());
                    if (problem.isPresent()) {
                        LOG.warn("Single sign-on refused: {}", problem.get());
                        throw Failure.unauthenticated("sso_failed", "The identity provider's answer could not be "
                                + "trusted (" + problem.get() + "); start again from the log-in page.");
                    }
                    return withUserInfo(found, user, idToken).map(claims -> new Signed(claims,
                            idToken.getString("iss", settings.issuer()), idToken.getString("sub"),
                            user.principal().getString("id_token")));
                });
    }

    /** The ID token's claims, with the userinfo endpoint's when the provider has one and it names the same subject. */
    private Future<JsonObject> withUserInfo(Provider found, User user, JsonObject idToken) {
        if (found.options().getUserInfoPath() == null) {
            return Future.succeededFuture(idToken.copy());
        }
        return found.auth().userInfo(user).map(info -> {
            JsonObject claims = idToken.copy();
            if (idToken.getString("sub").equals(info.getValue("sub"))) {
                info.forEach(entry -> {
                    if (!claims.containsKey(entry.getKey())) {
                        claims.put(entry.getKey(), entry.getValue());
                    }
                });
            }
            return claims;
        }).recover(failure -> {
            LOG.warn("Single sign-on: the userinfo endpoint failed ({}); going on with the ID token's claims",
                    oneLine(failure));
            return Future.succeededFuture(idToken.copy());
        });
    }

    private Future<Landing> landing(String app, Signed signed) {
        Instant now = clock.instant();
        Set<String> knownSites = catalogs.get().sites().keySet();
        SsoClaims.Access claimed = settings.accessFromClaims()
                ? SsoClaims.access(settings, signed.claims(), knownSites) : SsoClaims.Access.pending();
        return identities.linkedAgent(signed.issuer(), signed.subject(), now)
                .compose(linked -> linked.isPresent() ? existing(linked.get(), claimed)
                        : created(signed, claimed, now, false))
                .compose(agent -> {
                    if (!agent.active()) {
                        throw Failure.unauthenticated("account_deactivated",
                                "This account has been deactivated; ask an administrator to reactivate it.");
                    }
                    if (new SsoClaims.Access(agent.role(), agent.siteIds()).isPending()) {
                        LOG.info("Single sign-on of {}: access pending (an administrator must give a role and sites)",
                                agent.username());
                        return Future.succeededFuture(new Landing(app, null));
                    }
                    String handoff = Tokens.newToken("");
                    return identities.insertHandoff(Tokens.hash(handoff), agent.id(), signed.idToken(), now,
                            now.plus(HANDOFF_LIFETIME)).map(done -> new Landing(app, handoff));
                });
    }

    /** A linked account; when the claims decide access and say otherwise than the account, the claims win. */
    private Future<Agent> existing(long agentId, SsoClaims.Access claimed) {
        return agent(agentId).compose(agent -> {
            SsoClaims.Access current = new SsoClaims.Access(agent.role(), agent.siteIds());
            if (!settings.accessFromClaims() || sameAccess(current, claimed)) {
                return Future.succeededFuture(agent);
            }
            AuditEntry entry = AuditEntry.of(clock.instant(), AuditEntry.Actor.system("sso"), "agent.sso_access",
                    "agent", String.valueOf(agentId), null, access(current), access(claimed));
            return identities.replaceAccess(agentId, claimed, entry).compose(keys -> {
                keys.forEach(authentication::forget);
                return announcements.credentialsRevoked(keys);
            }).compose(revoked -> agent(agentId));
        });
    }

    private Future<Agent> created(Signed signed, SsoClaims.Access access, Instant now, boolean distinct) {
        String username = SsoClaims.username(settings, signed.claims(), signed.issuer(), signed.subject());
        String chosen = distinct ? SsoClaims.distinctUsername(username, signed.issuer(), signed.subject()) : username;
        String displayName = SsoClaims.displayName(signed.claims(), chosen);
        return identities.createLinked(chosen, displayName, access, signed.issuer(), signed.subject(), now,
                        id -> AuditEntry.of(now, AuditEntry.Actor.system("sso"), "agent.create", "agent",
                                String.valueOf(id), access.siteIds().size() == 1 ? access.siteIds().get(0) : null,
                                null, access(access).put("username", chosen).put("issuer", signed.issuer())))
                .compose(id -> {
                    if (id.isPresent()) {
                        LOG.info("Single sign-on: account {} made for a first sign-on ({})", chosen,
                                access.isPending() ? "access pending" : access.role().dbName());
                        return agent(id.get());
                    }
                    if (distinct) {
                        throw Failure.conflict("username_taken", "No username could be made for this sign-on.");
                    }
                    // A local account has this username: never take it over; make another for this identity.
                    return created(signed, access, now, true);
                });
    }

    private static boolean sameAccess(SsoClaims.Access a, SsoClaims.Access b) {
        return a.role() == b.role() && Set.copyOf(a.siteIds()).equals(Set.copyOf(b.siteIds()));
    }

    private static JsonObject access(SsoClaims.Access access) {
        return new JsonObject().put("role", access.role().dbName())
                .put("siteIds", new io.vertx.core.json.JsonArray(access.siteIds()));
    }

    private Future<Agent> agent(long agentId) {
        return agents.agent(agentId).map(found -> found.orElseThrow(() -> Failure.notFound("No agent " + agentId
                + ".")));
    }

    private String logoutUrl(OAuth2Options options, String idToken) {
        String endpoint = options.getLogoutPath();
        if (endpoint == null || endpoint.isBlank()) {
            return null;
        }
        // The ID token names the client; without it, the client id does.
        return endpoint + (endpoint.contains("?") ? '&' : '?')
               + (idToken != null ? "id_token_hint=" + encode(idToken) : "client_id=" + encode(settings.clientId()))
               + "&state=" + encode(Tokens.newToken(""))
               + "&post_logout_redirect_uri=" + encode(settings.redirectBaseUrl() + "/");
    }

    /** The provider, discovered once; a failed discovery is tried again at the next sign-on. */
    private Future<Provider> provider() {
        Future<Provider> known = provider.get();
        if (known != null) {
            return known;
        }
        OAuth2Options options = new OAuth2Options().setSite(settings.issuer()).setClientId(settings.clientId())
                .setClientSecret(settings.clientSecret()).setUseBasicAuthorization(!settings.secretInBody());
        Future<Provider> discovered = OpenIDConnectAuth.discover(vertx, options)
                .map(auth -> new Provider(auth, options))
                .recover(failure -> {
                    provider.set(null);
                    LOG.warn("Single sign-on: the provider's discovery at {} failed: {}", settings.issuer(),
                            oneLine(failure));
                    return Future.failedFuture(Failure.unavailable("sso_unavailable",
                            "The identity provider cannot be reached; try again in a moment."));
                });
        // Two sign-ons at once may both discover; either answer will do.
        provider.compareAndSet(null, discovered);
        return discovered;
    }

    private void requireEnabled() {
        if (!settings.enabled()) {
            throw Failure.notFound("Single sign-on is not configured on this server.");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String oneLine(Throwable failure) {
        String message = String.valueOf(failure.getMessage()).replaceAll("\\s+", " ");
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
