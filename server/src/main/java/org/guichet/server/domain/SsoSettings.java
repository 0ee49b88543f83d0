package org.guichet.server.domain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Single sign-on of agents with an OpenID Connect provider ({@code sso:} in the configuration), or off.
 *
 * @param issuer          the provider's issuer; its discovery document is at issuer + /.well-known/openid-configuration
 * @param clientSecret    never printed ({@link #toString()})
 * @param redirectBaseUrl this server's address as browsers reach it; the provider sends them back to
 *                        redirectBaseUrl + /api/v1/auth/sso/callback
 * @param label           the text of the log-in button, by language (fr, en)
 * @param usernameClaim   the claim a new account's username is taken from (email by default)
 * @param roleClaim       the claim carrying the agent's roles (dotted path, e.g. realm_access.roles), or null: then
 *                        an administrator gives roles and sites, and sign-ons never change them
 * @param roleValues      claim value → role; the highest role found wins
 * @param siteClaim       the claim carrying the agent's sites, or null
 * @param siteValues      claim value → site id, or {@link #EVERY_SITE}; empty: claim values are site ids
 * @param localPasswords  whether agents may still log in with a password (true by default)
 * @param pkce            whether the authorization request carries a PKCE challenge (S256; true by default — off
 *                        only for a provider that refuses the parameter)
 * @param secretInBody    the client authenticates at the token endpoint with client_id and client_secret in the
 *                        form (client_secret_post) rather than HTTP Basic (client_secret_basic, the default)
 */
public record SsoSettings(String issuer, String clientId, String clientSecret, List<String> scopes,
                          String redirectBaseUrl, Map<String, String> label, String usernameClaim, String roleClaim,
                          Map<String, Role> roleValues, String siteClaim, Map<String, String> siteValues,
                          boolean localPasswords, boolean pkce, boolean secretInBody) {

    /** A site value mapped to this makes an administrator of every site. */
    public static final String EVERY_SITE = "*";
    public static final String CALLBACK_PATH = "/api/v1/auth/sso/callback";

    public SsoSettings {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        label = label == null ? Map.of() : Map.copyOf(label);
        roleValues = roleValues == null ? Map.of() : Map.copyOf(roleValues);
        siteValues = siteValues == null ? Map.of() : Map.copyOf(siteValues);
    }

    /** No single sign-on: agents log in with their passwords. */
    public static SsoSettings off() {
        return new SsoSettings(null, null, null, null, null, null, null, null, null, null, null, true, true, false);
    }

    public boolean enabled() {
        return issuer != null;
    }

    /** Whether sign-ons set each agent's role and sites from the provider's claims. */
    public boolean accessFromClaims() {
        return roleClaim != null;
    }

    public String redirectUri() {
        return redirectBaseUrl + CALLBACK_PATH;
    }

    /** The button's text in a language (fr or en), French when that language has none. */
    public String label(String language) {
        return label.getOrDefault(language, label.getOrDefault("fr", "Se connecter avec l'annuaire"));
    }

    /**
     * The {@code sso:} section: {@code issuer}, {@code clientId}, {@code scopes}, {@code redirectBaseUrl},
     * {@code label: {fr, en}}, {@code usernameClaim}, {@code roles: {claim, values}}, {@code sites: {claim, values}},
     * {@code localPasswords}; {@code clientSecret} is read by the caller (from the section, an environment variable
     * or a file) and given here. No issuer: off (then {@code localPasswords: false} is refused, nobody could log in).
     */
    public static SsoSettings fromConfig(JsonObject section, String clientSecret) {
        JsonObject sso = section == null ? new JsonObject() : section;
        String issuer = text(sso, "issuer");
        boolean localPasswords = !isFalse(sso.getValue("localPasswords"));
        if (issuer == null) {
            if (!localPasswords) {
                throw new IllegalArgumentException("sso.localPasswords: false needs sso.issuer: without single "
                        + "sign-on nobody could log in.");
            }
            return off();
        }
        issuer = issuer.replaceAll("/+$", "");
        String clientId = required(sso, "clientId");
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("sso.clientSecret (or GUICHET_SSO_CLIENT_SECRET, or "
                    + "sso.clientSecretFile) is required with sso.issuer.");
        }
        String redirectBase = required(sso, "redirectBaseUrl").replaceAll("/+$", "");
        requireOrigin("sso.redirectBaseUrl", redirectBase);
        requireOrigin("sso.issuer", issuer);
        List<String> scopes = strings(sso.getValue("scopes", "openid email"));
        if (!scopes.contains("openid")) {
            scopes = new java.util.ArrayList<>(scopes);
            scopes.add(0, "openid");
        }
        Map<String, String> label = new LinkedHashMap<>();
        Object labels = sso.getValue("label");
        if (labels instanceof JsonObject byLanguage) {
            byLanguage.forEach(entry -> label.put(entry.getKey(), String.valueOf(entry.getValue())));
        } else if (labels != null) {
            label.put("fr", String.valueOf(labels));
        }
        JsonObject roles = sso.getJsonObject("roles", new JsonObject());
        Map<String, Role> roleValues = new LinkedHashMap<>();
        roles.getJsonObject("values", new JsonObject()).forEach(entry -> {
            try {
                roleValues.put(entry.getKey(), Role.valueOf(String.valueOf(entry.getValue()).trim()
                        .toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sso.roles.values: '" + entry.getValue()
                        + "' is not agent, supervisor or admin.");
            }
        });
        String roleClaim = text(roles, "claim");
        if (roleClaim != null && roleValues.isEmpty()) {
            throw new IllegalArgumentException("sso.roles.claim needs sso.roles.values (claim value: role).");
        }
        JsonObject sites = sso.getJsonObject("sites", new JsonObject());
        Map<String, String> siteValues = new LinkedHashMap<>();
        sites.getJsonObject("values", new JsonObject())
                .forEach(entry -> siteValues.put(entry.getKey(), String.valueOf(entry.getValue()).trim()));
        String siteClaim = text(sites, "claim");
        if (siteClaim != null && roleClaim == null) {
            throw new IllegalArgumentException("sso.sites.claim needs sso.roles.claim: sites without a role give "
                    + "no access.");
        }
        return new SsoSettings(issuer, clientId, clientSecret.trim(), scopes, redirectBase, label,
                sso.getString("usernameClaim", "email"), roleClaim, roleValues, siteClaim, siteValues,
                localPasswords, !isFalse(sso.getValue("pkce")), secretInBody(sso.getValue("clientAuthentication")));
    }

    private static boolean isFalse(Object value) {
        return Boolean.FALSE.equals(value) || "false".equals(String.valueOf(value).trim());
    }

    private static boolean secretInBody(Object value) {
        String method = value == null ? "basic" : String.valueOf(value).trim();
        return switch (method) {
            case "basic", "client_secret_basic" -> false;
            case "post", "client_secret_post" -> true;
            default -> throw new IllegalArgumentException("sso.clientAuthentication must be basic or post, got "
                    + method + ".");
        };
    }

    /** Never the client secret: options are printed in logs and test reports. */
    @Override
    public String toString() {
        return enabled() ? "SsoSettings[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=(set), scopes="
                + scopes + ", redirectBaseUrl=" + redirectBaseUrl + ", roleClaim=" + roleClaim + ", siteClaim="
                + siteClaim + ", localPasswords=" + localPasswords + ", pkce=" + pkce + ", secretInBody=" + secretInBody
                + "]" : "SsoSettings[off]";
    }

    private static void requireOrigin(String key, String url) {
        try {
            URI uri = new URI(url);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException(key + " must be an http(s) address, got " + url + ".");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + " must be an http(s) address, got " + url + ".", e);
        }
    }

    private static String required(JsonObject section, String key) {
        String value = text(section, key);
        if (value == null) {
            throw new IllegalArgumentException("sso." + key + " is required with sso.issuer.");
        }
        return value;
    }

    private static String text(JsonObject section, String key) {
        Object value = section.getValue(key);
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).trim();
    }

    /** A list given as a YAML list or as one space- or comma-separated string. */
    static List<String> strings(Object value) {
        if (value instanceof JsonArray array) {
            return array.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        return value == null ? List.of() : java.util.Arrays.stream(String.valueOf(value).split("[,\\s]+"))
                .filter(s -> !s.isEmpty()).toList();
    }
}
