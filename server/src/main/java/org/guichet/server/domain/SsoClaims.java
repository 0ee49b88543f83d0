package org.guichet.server.domain;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What a sign-on's claims say: whether the ID token is acceptable, who the agent is, and what access they give. */
public final class SsoClaims {

    /** Tolerated difference between the provider's clock and ours. */
    public static final Duration LEEWAY = Duration.ofSeconds(60);
    public static final int LONGEST_USERNAME = 100;
    public static final int LONGEST_DISPLAY_NAME = 120;

    /** A role and its sites (empty with {@link Role#ADMIN}: every site). */
    public record Access(Role role, List<String> siteIds) {

        public Access {
            siteIds = List.copyOf(siteIds);
        }

        /** What an account made at a first sign-on, with nothing given yet, has: no site, so no access. */
        public static Access pending() {
            return new Access(Role.AGENT, List.of());
        }

        public boolean isPending() {
            return role != Role.ADMIN && siteIds.isEmpty();
        }
    }

    private SsoClaims() {
    }

    /**
     * Why an ID token (its signature, issuer and audience already checked by vertx-auth-oauth2) is not acceptable,
     * or empty: it names a subject, carries the nonce this sign-on sent, has not expired and was not issued in the
     * future.
     */
    public static Optional<String> idTokenProblem(JsonObject idToken, String expectedNonce, Instant now) {
        if (idToken == null) {
            return Optional.of("the provider gave no valid ID token (signature, issuer or audience refused)");
        }
        if (!(idToken.getValue("sub") instanceof String subject) || subject.isBlank()) {
            return Optional.of("the ID token names no subject");
        }
        Object nonce = idToken.getValue("nonce");
        if (!(nonce instanceof String given) || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expectedNonce.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("the ID token's nonce is not this sign-on's");
        }
        if (!(idToken.getValue("exp") instanceof Number exp)
            || Instant.ofEpochSecond(exp.longValue()).plus(LEEWAY).isBefore(now)) {
            return Optional.of("the ID token has expired");
        }
        if (idToken.getValue("iat") instanceof Number iat
            && Instant.ofEpochSecond(iat.longValue()).minus(LEEWAY).isAfter(now)) {
            return Optional.of("the ID token was issued in the future");
        }
        return Optional.empty();
    }

    /** The PKCE challenge of a verifier (RFC 7636, method S256). */
    public static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The access the claims give: the highest mapped role, with the mapped sites of {@code knownSites} (a value
     * mapped to {@link SsoSettings#EVERY_SITE} gives an administrator every site). Pending when no role maps, when
     * an agent or supervisor has no known site, or when an administrator has neither a site nor every site.
     */
    public static Access access(SsoSettings settings, JsonObject claims, Set<String> knownSites) {
        Role role = null;
        for (String value : values(claims, settings.roleClaim())) {
            Role mapped = settings.roleValues().get(value);
            if (mapped != null && (role == null || mapped.atLeast(role))) {
                role = mapped;
            }
        }
        if (role == null) {
            return Access.pending();
        }
        Set<String> sites = new LinkedHashSet<>();
        boolean everySite = false;
        for (String value : values(claims, settings.siteClaim())) {
            String mapped = settings.siteValues().isEmpty() ? value : settings.siteValues().get(value);
            if (SsoSettings.EVERY_SITE.equals(mapped)) {
                everySite = true;
            } else if (mapped != null && knownSites.contains(mapped)) {
                sites.add(mapped);
            }
        }
        if (role == Role.ADMIN && everySite) {
            return new Access(Role.ADMIN, List.of());
        }
        if (sites.isEmpty()) {
            return Access.pending();
        }
        return new Access(role, List.copyOf(sites));
    }

    /** The strings a claim holds (a string, or a list of them), found by a dotted path; none when absent. */
    public static List<String> values(JsonObject claims, String path) {
        if (path == null || claims == null) {
            return List.of();
        }
        Object value = claims;
        for (String part : path.split("\\.")) {
            if (!(value instanceof JsonObject object)) {
                return List.of();
            }
            value = object.getValue(part);
        }
        List<String> values = new ArrayList<>();
        if (value instanceof JsonArray array) {
            array.forEach(item -> {
                if (item instanceof String text) {
                    values.add(text);
                }
            });
        } else if (value instanceof String text) {
            values.add(text);
        }
        return values;
    }

    /**
     * A new account's username: the configured claim (email by default), else preferred_username, else one made
     * from the issuer and subject; cut to {@link #LONGEST_USERNAME}.
     */
    public static String username(SsoSettings settings, JsonObject claims, String issuer, String subject) {
        for (String claim : List.of(settings.usernameClaim(), "preferred_username")) {
            List<String> found = values(claims, claim);
            if (!found.isEmpty() && !found.get(0).isBlank()) {
                return cut(found.get(0).trim().toLowerCase(java.util.Locale.ROOT), LONGEST_USERNAME);
            }
        }
        return "sso-" + identityDigest(issuer, subject);
    }

    /** Another username for when the first is taken: the first with a suffix only this identity makes. */
    public static String distinctUsername(String username, String issuer, String subject) {
        String suffix = "-" + identityDigest(issuer, subject);
        return cut(username, LONGEST_USERNAME - suffix.length()) + suffix;
    }

    /** The name to show: name, else given name with usual or family name, else the username. */
    public static String displayName(JsonObject claims, String username) {
        List<String> name = values(claims, "name");
        if (!name.isEmpty() && !name.get(0).isBlank()) {
            return cut(name.get(0).trim(), LONGEST_DISPLAY_NAME);
        }
        String given = String.join(" ", values(claims, "given_name")).trim();
        List<String> family = values(claims, "usual_name").isEmpty() ? values(claims, "family_name")
                : values(claims, "usual_name");
        String full = (given + " " + String.join(" ", family)).trim();
        return cut(full.isEmpty() ? username : full, LONGEST_DISPLAY_NAME);
    }

    private static String identityDigest(String issuer, String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((issuer + "\n" + subject).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
