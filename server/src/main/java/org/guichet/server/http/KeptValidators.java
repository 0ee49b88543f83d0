package org.guichet.server.http;

import io.vertx.core.file.FileSystem;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Path;
import io.vertx.openapi.contract.SecurityRequirement;
import io.vertx.openapi.contract.SecurityScheme;
import io.vertx.openapi.contract.Server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract as {@link RequestValidation} reads it, with one schema validator kept per schema.
 *
 * <p>vertx-openapi asks its schema repository for a new validator for each parameter and body it checks, and each new
 * validator copies the repository's map of every schema in openapi.json, several times per request. Profiled (JFR)
 * in the network day with 2 nodes, the request check was 34.5 % of the CPU samples of the JVM running both servers
 * and the load during the day, most of it in that copy.
 * A validator only reads its map and schema once made, so one per schema can serve every request, on any thread.
 * The contract's parameters and bodies hold their schema objects for its lifetime, so the schemas are told apart by
 * identity, and the number kept is bounded by the document. Each is kept behind a {@link QuickSchema}, which vouches
 * for the plain values of plain schemas without running it.
 */
final class KeptValidators implements OpenAPIContract {

    private final OpenAPIContract contract;
    private final Repository repository;

    KeptValidators(OpenAPIContract contract) {
        this.contract = contract;
        this.repository = new Repository(contract.getSchemaRepository());
    }

    /** How many validators are kept (one per schema checked so far). */
    int kept() {
        return repository.validators.size();
    }

    @Override
    public SchemaRepository getSchemaRepository() {
        return repository;
    }

    @Override
    public Operation operation(String operationId) {
        return contract.operation(operationId);
    }

    @Override
    public List<Operation> operations() {
        return contract.operations();
    }

    @Override
    public List<Path> getPaths() {
        return contract.getPaths();
    }

    @Override
    public JsonObject getRawContract() {
        return contract.getRawContract();
    }

    @Override
    public OpenAPIVersion getVersion() {
        return contract.getVersion();
    }

    @Override
    public List<Server> getServers() {
        return contract.getServers();
    }

    @Override
    public Path findPath(String urlPath) {
        return contract.findPath(urlPath);
    }

    @Override
    public Operation findOperation(String urlPath, HttpMethod method) {
        return contract.findOperation(urlPath, method);
    }

    @Override
    public List<SecurityRequirement> getSecurityRequirements() {
        return contract.getSecurityRequirements();
    }

    @Override
    public SecurityScheme securityScheme(String name) {
        return contract.securityScheme(name);
    }

    /** The repository, whose {@code validator(schema)} gives the validator kept for that schema object. */
    private static final class Repository implements SchemaRepository {

        private final SchemaRepository repository;
        private final Map<Identity, Validator> validators = new ConcurrentHashMap<>();

        Repository(SchemaRepository repository) {
            this.repository = repository;
        }

        @Override
        public Validator validator(JsonSchema schema) {
            return validators.computeIfAbsent(new Identity(schema),
                    kept -> new Vouched(QuickSchema.of(schema), repository.validator(schema)));
        }

        @Override
        public SchemaRepository dereference(JsonSchema schema) {
            repository.dereference(schema);
            return this;
        }

        @Override
        public SchemaRepository dereference(String uri, JsonSchema schema) {
            repository.dereference(uri, schema);
            return this;
        }

        @Override
        public SchemaRepository preloadMetaSchema(FileSystem fs) {
            repository.preloadMetaSchema(fs);
            return this;
        }

        @Override
        public SchemaRepository preloadMetaSchema(FileSystem fs, Draft draft) {
            repository.preloadMetaSchema(fs, draft);
            return this;
        }

        @Override
        public Validator validator(String ref) {
            return repository.validator(ref);
        }

        @Override
        public Validator validator(String ref, JsonSchemaOptions options) {
            return repository.validator(ref, options);
        }

        @Override
        public Validator validator(JsonSchema schema, JsonSchemaOptions options, boolean dereference) {
            return repository.validator(schema, options, dereference);
        }

        @Override
        public JsonObject resolve(JsonObject schema) {
            return repository.resolve(schema);
        }

        @Override
        public JsonSchema find(String pointer) {
            return repository.find(pointer);
        }
    }

    /** The full validator, skipped for the values the quick check vouches for (it never refuses one). */
    private record Vouched(QuickSchema quick, Validator full) implements Validator {

        @Override
        public OutputUnit validate(Object value) {
            return quick.vouchesFor(value) ? new OutputUnit(true) : full.validate(value);
        }
    }

    /** A schema told apart from another by identity: its equality would compare whole JSON documents. */
    private record Identity(JsonSchema schema) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.schema == schema;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(schema);
        }
    }
}
