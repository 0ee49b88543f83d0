package org.guichet.server.config;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.guichet.server.domain.AuditEntry;
import org.guichet.server.domain.Partner;
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

    /** Where the demo's agents orient visitors; public bodies' real web sites, the rest of the details made up. */
    private static final List<Partner> DIRECTORY = List.of(
            new Partner("caf", "CAF – Caisse d'allocations familiales", "Organisme social",
                    "2 rue de la République (exemple)", "lun.-ven. 8:30-16:30", "3230", "https://www.caf.fr/",
                    List.of("allocations", "prime d'activité", "APL", "RSA versement"), true),
            new Partner("cpam", "CPAM – Assurance maladie", "Organisme social", "8 avenue de la Gare (exemple)",
                    "lun.-ven. 8:30-17:00", "3646", "https://www.ameli.fr/",
                    List.of("carte vitale", "remboursement", "complémentaire santé solidaire"), true),
            new Partner("ants", "Préfecture – titres en ligne (ANTS)", "État", null, null, "3400",
                    "https://ants.gouv.fr/", List.of("carte grise", "permis de conduire", "passeport"), true),
            new Partner("france-travail", "France Travail", "Emploi", "15 boulevard du Nord (exemple)",
                    "lun.-ven. 8:30-16:30", "3949", "https://www.francetravail.fr/",
                    List.of("emploi", "chômage", "inscription"), true),
            new Partner("mairie", "Mairie – état civil", "Commune", "Place de l'Hôtel de ville (exemple)",
                    "lun.-sam. 9:00-12:00", null, null, List.of("acte de naissance", "mariage", "carte d'identité"),
                    true));

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
                .compose(done -> services.directory().addMissing(DIRECTORY, DEMO))
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
