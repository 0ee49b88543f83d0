package org.guichet.server.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class KeptValidatorsTest {

    private static Vertx vertx;
    private static KeptValidators contract;

    @BeforeAll
    static void readTheDocument() throws Exception {
        vertx = Vertx.vertx();
        JsonObject view = RequestValidation.validationView(vertx.fileSystem().readFileBlocking("openapi.json")
                .toJsonObject());
        contract = new KeptValidators(OpenAPIContract.from(vertx, view).await(30, TimeUnit.SECONDS));
    }

    @AfterAll
    static void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void a_schema_is_checked_by_the_same_validator_every_time_and_another_schema_by_another() {
        SchemaRepository repository = contract.getSchemaRepository();
        JsonSchema issue = bodySchema("/api/v1/tickets", HttpMethod.POST);
        JsonSchema login = bodySchema("/api/v1/auth/login", HttpMethod.POST);

        Validator first = repository.validator(issue);

        assertThat(repository.validator(issue)).isSameAs(first);
        assertThat(repository.validator(login)).isNotSameAs(first);
    }

    @Test
    void a_kept_validator_still_tells_good_from_bad_and_the_number_kept_does_not_grow_with_the_checks() {
        Validator issue = contract.getSchemaRepository().validator(bodySchema("/api/v1/tickets", HttpMethod.POST));
        int kept = contract.kept();

        for (int i = 0; i < 50; i++) {
            assertThat(issue.validate(new JsonObject().put("serviceId", "svc-" + i)).getValid()).isTrue();
            assertThat(issue.validate(new JsonObject().put("serviceId", i)).getValid()).isFalse();
            assertThat(contract.getSchemaRepository().validator(bodySchema("/api/v1/tickets", HttpMethod.POST))
                    .validate(new JsonObject().put("serviceId", "s".repeat(201))).getValid()).isFalse();
        }

        assertThat(contract.kept()).isEqualTo(kept);
    }

    private static JsonSchema bodySchema(String path, HttpMethod method) {
        Operation operation = contract.findOperation(path, method);
        assertThat(operation).as(method + " " + path).isNotNull();
        return operation.getRequestBody().getContent().get("application/json").getSchema();
    }
}
