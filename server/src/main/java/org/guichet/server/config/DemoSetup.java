package org.guichet.server.config;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.AuditEntry;
import org.guichet.server.domain.Role;
import org.guichet.server.domain.Tokens;
import org.guichet.server.service.Accounts;
import org.guichet.server.service.Services;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --demo}: a departmental council's head office (demo.yaml) with agent accounts and device tokens, printed once
 * when they are created. {@code --demo-reset} gives every demo account and device new credentials.
 */
public final class DemoSetup {

    /** Who the audit log says made the demo's changes. */
    private static final AuditEntry.Actor DEMO = AuditEntry.Actor.system("demo");


    private record DemoAgent(String username, String displayName, Role role, List<String> sites) {
    }

    private static final List<DemoAgent> AGENTS = List.of(
            new DemoAgent("agent.a1", "Claire Martin", Role.AGENT, List.of("hdd-a")),
            new DemoAgent("agent.a2", "Karim Benali", Role.AGENT, List.of("hdd-a")),
            new DemoAgent("agent.b1", "Sophie Laurent", Role.AGENT, List.of("hdd-b")),
            new DemoAgent("agent.c1", "Jean Dupuy", Role.AGENT, List.of("hdd-c")),
            new DemoAgent("superviseur", "Nadia Roussel", Role.SUPERVISOR, List.of("hdd-a", "hdd-b", "hdd-c")));

    private final Services services;

    public DemoSetup(Services services) {
        this.services = services;
    }

    public static JsonObject deployment() {
        return Yaml.resource("demo.yaml");
    }

    /** Returns the lines to show once: new credentials, or where to get them. */
    public Future<List<String>> apply(boolean reset) {
        List<String> lines = new ArrayList<>();
        JsonObject deployment = deployment();
        return services.deployments().apply(deployment, reset, DEMO)
                .map(applied -> {
                    applied.deviceTokens().forEach((id, token) -> lines.add("demo device " + id + " token: " + token));
                    return null;
                })
                .compose(done -> {
                    Future<Void> chain = Future.succeededFuture();
                    for (DemoAgent agent : AGENTS) {
                        chain = chain.compose(done2 -> ensureAgent(agent, reset, lines));
                    }
                    return chain;
                })
                .map(done -> {
                    if (lines.isEmpty()) {
                        lines.add("demo accounts and devices exist already; their credentials were shown when they "
                                + "were created. Start with --demo-reset to issue new ones.");
                    }
                    return lines;
                });
    }

    private Future<Void> ensureAgent(DemoAgent agent, boolean reset, List<String> lines) {
        return services.accounts().agentId(agent.username()).compose(existing -> {
            String password = Tokens.newPassword();
            if (existing.isEmpty()) {
                return services.accounts().create(new Accounts.NewAccount(agent.username(), agent.displayName(),
                        password, agent.role(), agent.sites()), DEMO).map(created -> {
                            lines.add(line(agent, password));
                            return null;
                        });
            }
            if (!reset) {
                return Future.succeededFuture();
            }
            return services.accounts().setPassword(existing.get(), password, DEMO).map(done -> {
                lines.add(line(agent, password));
                return null;
            });
        });
    }

    private static String line(DemoAgent agent, String password) {
        return "demo " + agent.role().dbName() + " " + agent.username() + " (" + String.join(", ", agent.sites())
                + ") password: " + password;
    }
}
