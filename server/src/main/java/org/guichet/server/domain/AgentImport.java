package org.guichet.server.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A list of accounts to create, as a CSV file: a header naming the columns {@code username}, {@code displayName},
 * {@code role}, {@code sites} and optionally {@code password} (in any order, any case), then one account per line.
 * Fields are separated by {@code ;} (French spreadsheets) or {@code ,}, whichever the header uses; a field may be
 * quoted ("…", with "" for a quote); sites are separated by {@code |}; a UTF-8 byte-order mark is ignored, and so are
 * blank lines. Pure: {@link #parse} reads the text, {@link #plan} decides, line by line, what may be created and why
 * the rest may not.
 */
public final class AgentImport {

    public static final int MAX_LINES = 2_000;
    private static final List<String> COLUMNS = List.of("username", "displayname", "role", "sites", "password");
    private static final List<String> REQUIRED = List.of("username", "displayname", "role", "sites");

    /** One line of the file, its fields as written (trimmed; missing ones empty); {@code number} counts from 1. */
    public record Line(int number, String username, String displayName, String role, String sites, String password) {
    }

    /** An account that may be created; {@code generated}: its password was made here, to be given once. */
    public record Candidate(int line, String username, String displayName, Role role, List<String> siteIds,
                            String password, boolean generated) {
    }

    /** A line left out, and why, in a plain sentence. */
    public record Rejection(int line, String username, String reason) {
    }

    public record Plan(List<Candidate> accepted, List<Rejection> rejected) {
    }

    private AgentImport() {
    }

    /** The lines of the file; fails as invalid when the header is not usable or the file is empty or too long. */
    public static List<Line> parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] rows = body.split("\r\n|\n|\r", -1);
        int header = 0;
        while (header < rows.length && rows[header].isBlank()) {
            header++;
        }
        if (header == rows.length) {
            throw Failure.invalid("The file is empty; its first line names the columns: "
                                  + "username;displayName;role;sites;password.");
        }
        char separator = rows[header].indexOf(';') >= 0 ? ';' : ',';
        Map<String, Integer> columns = columns(fields(rows[header], separator));
        List<Line> lines = new ArrayList<>();
        for (int i = header + 1; i < rows.length; i++) {
            List<String> fields = fields(rows[i], separator);
            if (fields.stream().allMatch(String::isEmpty)) {
                continue;
            }
            if (lines.size() == MAX_LINES) {
                throw Failure.invalid("A file has at most " + MAX_LINES + " accounts; split it.");
            }
            lines.add(new Line(i + 1, field(fields, columns, "username"), field(fields, columns, "displayname"),
                    field(fields, columns, "role"), field(fields, columns, "sites"),
                    field(fields, columns, "password")));
        }
        if (lines.isEmpty()) {
            throw Failure.invalid("The file has no account under its header line.");
        }
        return lines;
    }

    /**
     * What may be created, and the reasons for the rest. A username already used by an earlier line of the file is
     * refused on the later line; {@code taken}: usernames of existing accounts; {@code newPassword} makes the password
     * of a line that gives none.
     */
    public static Plan plan(Principal importer, List<Line> lines, Predicate<String> siteExists, Set<String> taken,
                            Supplier<String> newPassword) {
        List<Candidate> accepted = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (Line line : lines) {
            Integer earlier = line.username().isEmpty() ? null : firstLine.putIfAbsent(line.username(), line.number());
            Object decided = decide(importer, line, earlier, siteExists, taken, newPassword);
            if (decided instanceof Candidate candidate) {
                accepted.add(candidate);
            } else {
                rejected.add(new Rejection(line.number(), line.username(), (String) decided));
            }
        }
        return new Plan(List.copyOf(accepted), List.copyOf(rejected));
    }

    /** A candidate, or the reason (a String) why the line is refused. */
    private static Object decide(Principal importer, Line line, Integer earlier, Predicate<String> siteExists,
                                 Set<String> taken, Supplier<String> newPassword) {
        if (line.username().isEmpty()) {
            return "Missing field: username.";
        }
        if (line.role().isEmpty()) {
            return "Missing field: role.";
        }
        String usernameProblem = AgentRules.usernameProblem(line.username());
        if (usernameProblem != null) {
            return usernameProblem;
        }
        if (earlier != null) {
            return "Username '" + line.username() + "' is already on line " + earlier + " of the file.";
        }
        if (taken.contains(line.username())) {
            return "Username '" + line.username() + "' is taken by an existing account.";
        }
        Role role;
        try {
            role = Role.parse(line.role());
        } catch (Failure unknown) {
            return "Unknown role '" + line.role() + "'; use agent, supervisor or admin.";
        }
        List<String> siteIds = sites(line.sites());
        Optional<String> unknown = siteIds.stream().filter(siteExists.negate()).findFirst();
        if (unknown.isPresent()) {
            return "Unknown site '" + unknown.get() + "'.";
        }
        String sitesProblem = AgentRules.sitesProblem(role, siteIds);
        if (sitesProblem != null) {
            return line.sites().isEmpty() ? "Missing field: sites. " + sitesProblem : sitesProblem;
        }
        Optional<String> refusal = AccessPolicy.refusal(importer, AccessPolicy.Action.MANAGE_AGENT,
                AccessPolicy.Scope.account(Set.copyOf(siteIds), role));
        if (refusal.isPresent()) {
            return refusal.get();
        }
        String displayName = line.displayName().isEmpty() ? line.username() : line.displayName();
        String nameProblem = AgentRules.displayNameProblem(displayName);
        if (nameProblem != null) {
            return nameProblem;
        }
        if (line.password().isEmpty()) {
            return new Candidate(line.number(), line.username(), displayName, role, siteIds, newPassword.get(), true);
        }
        try {
            PasswordRules.require(line.password(), line.username(), displayName);
        } catch (Failure weak) {
            return weak.getMessage();
        }
        return new Candidate(line.number(), line.username(), displayName, role, siteIds, line.password(), false);
    }

    private static List<String> sites(String field) {
        Set<String> sites = new LinkedHashSet<>();
        for (String site : field.split("\\|")) {
            if (!site.isBlank()) {
                sites.add(site.strip());
            }
        }
        return List.copyOf(sites);
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!COLUMNS.contains(name)) {
                throw Failure.invalid("Unknown column '" + header.get(i)
                                      + "'; the columns are username, displayName, role, sites and password.");
            }
            if (columns.putIfAbsent(name, i) != null) {
                throw Failure.invalid("Column '" + header.get(i) + "' appears twice in the header.");
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                throw Failure.invalid("The header has no column '" + (required.equals("displayname") ? "displayName"
                        : required) + "'; the first line names the columns: username;displayName;role;sites;password.");
            }
        }
        return columns;
    }

    private static String field(List<String> fields, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null || index >= fields.size() ? "" : fields.get(index);
    }

    /** The fields of one line, trimmed; a quoted field keeps its separators, "" inside stands for one quote. */
    static List<String> fields(String line, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().strip());
        return fields;
    }
}
