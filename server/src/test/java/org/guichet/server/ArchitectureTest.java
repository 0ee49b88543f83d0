package org.guichet.server;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the server, checked on its compiled classes: a one-way package graph (http → view → services → stores
 * → database, the domain's pure rules depending on nothing), HTTP known only to the http package, SQL only in stores.
 * server/README.md draws the same graph.
 */
@AnalyzeClasses(packages = "org.guichet.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The package of Main and GuichetServer, where the server is put together. */
    private static final String START = "org.guichet.server";
    private static final Set<String> RUNS_SQL = Set.of("query", "preparedQuery", "withTransaction",
            "withConnection", "getConnection");

    @ArchTest
    static final ArchRule only_the_http_package_knows_http = noClasses()
            .that().resideOutsideOfPackages("org.guichet.server.http..", START)
            .should().dependOnClassesThat().resideInAPackage("org.guichet.server.http..")
            .because("the domain says what went wrong and only the HTTP layer turns it into a status; the start of "
                     + "the server, which deploys the HTTP verticles, is the one class outside it that names them");

    @ArchTest
    static final ArchRule the_package_graph_has_no_cycle = slices().matching("org.guichet.server.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInAnyPackage("org.guichet.server..")
            .layer("Start").definedBy(START)
            .layer("Config").definedBy("org.guichet.server.config..")
            .layer("Http").definedBy("org.guichet.server.http..")
            .layer("Jobs").definedBy("org.guichet.server.jobs..")
            .layer("Metrics").definedBy("org.guichet.server.metrics..")
            .layer("Realtime").definedBy("org.guichet.server.realtime..")
            .layer("View").definedBy("org.guichet.server.view..")
            .layer("Service").definedBy("org.guichet.server.service..")
            .layer("Sms").definedBy("org.guichet.server.sms..")
            .layer("Store").definedBy("org.guichet.server.store..")
            .layer("Domain").definedBy("org.guichet.server.domain..")
            .whereLayer("Start").mayOnlyBeAccessedByLayers("Config")
            .whereLayer("Config").mayOnlyBeAccessedByLayers("Start")
            .whereLayer("Http").mayOnlyBeAccessedByLayers("Start")
            .whereLayer("Jobs").mayOnlyBeAccessedByLayers("Start")
            .whereLayer("Metrics").mayOnlyBeAccessedByLayers("Start", "Config")
            .whereLayer("Realtime").mayOnlyBeAccessedByLayers("Start", "Http", "Jobs")
            .whereLayer("View").mayOnlyBeAccessedByLayers("Http", "Realtime")
            .whereLayer("Service").mayOnlyBeAccessedByLayers("Start", "Config", "Http", "Jobs", "Metrics", "Realtime",
                    "View")
            .whereLayer("Store").mayOnlyBeAccessedByLayers("Start", "Config", "Service")
            .whereLayer("Sms").mayOnlyBeAccessedByLayers("Start", "Config", "Service")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Start", "Config", "Http", "Jobs", "Metrics", "Realtime",
                    "View", "Service", "Store", "Sms");

    @ArchTest
    static final ArchRule the_domain_depends_on_nothing = classes()
            .that().resideInAPackage("org.guichet.server.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.vertx.core.json..",
                    "org.guichet.server.domain..")
            .because("the rules (lifecycle, calling order, numbering, policies) are pure and tested as such");

    @ArchTest
    static final ArchRule only_stores_run_sql = noClasses()
            .that().resideOutsideOfPackage("org.guichet.server.store..")
            .should().callMethodWhere(runsSql())
            .because("every statement lives in a store, as a named constant the statement-cache guard can see");

    @ArchTest
    static final ArchRule no_route_or_service_holds_sql = classes()
            .that().resideOutsideOfPackage("org.guichet.server.store..")
            .should(holdNoSqlConstant());

    @ArchTest
    static final ArchRule routes_do_not_touch_the_database = noClasses()
            .that().resideInAPackage("org.guichet.server.http..")
            .should().dependOnClassesThat().resideInAnyPackage("io.vertx.sqlclient..", "io.vertx.pgclient..");

    private static DescribedPredicate<JavaMethodCall> runsSql() {
        return DescribedPredicate.describe("a statement run on a SQL client", call ->
                call.getTargetOwner().isAssignableTo("io.vertx.sqlclient.SqlClient")
                && RUNS_SQL.contains(call.getName()));
    }

    private static ArchCondition<JavaClass> holdNoSqlConstant() {
        return new ArchCondition<>("hold no SQL statement as a constant") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (SqlConstants.Statement statement : SqlConstants.heldBy(type.reflect())) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + "."
                            + statement.field().getName() + " holds SQL outside a store"));
                }
            }
        };
    }
}
