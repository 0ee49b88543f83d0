package org.guichet.server.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.JsonSchemaValidationException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.common.dsl.SchemaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.RequestUtils;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatedRequest;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;
import org.guichet.server.domain.DeploymentRules;
import org.guichet.server.domain.Failure;
import org.guichet.server.service.YamlCodec;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks every API request against openapi.json itself (vertx-openapi's {@link RequestValidator}), so the document
 * and the checks cannot drift apart: the operation is found from the request's method and path, its parameters and
 * JSON body are validated against their schemas, then {@link InputText} refuses NUL characters, lone surrogates,
 * over-long strings and deep nesting anywhere. A refusal is a 400 naming the field.
 * <p>
 * The validator reads a view of the document: each operation gets an operationId ("METHOD /path"), and only JSON
 * bodies are kept, vertx-openapi knowing no other media type. A deployment sent as YAML is read and checked against
 * the same schema as JSON; the agents' CSV import and the plan images have no JSON schema, so only their parameters
 * are checked here (their own parsers check the rest).
 */
public final class RequestValidation implements Handler<RoutingContext> {

    private static final String DOCUMENT = "openapi.json";
    private static final String YAML = "application/yaml";
    private static final String JSON = "application/json";
    private static final int MAX_MESSAGE = 300;
    /** Bodies up to this size are checked on the event loop; larger ones (deployments) on a worker thread. */
    private static final int SMALL_BODY_BYTES = 64 * 1024;
    private static final String API_BASE = "/api/v1";
    private static final Pattern EXTRA_PROPERTY = Pattern.compile(
            "Property \"(.*)\" does not match additional properties schema\\.?");

    private final KeptValidators contract;
    private final RequestValidator validator;
    /** The same validator's steps, called directly (its public methods, in vertx-openapi's impl package). */
    private final RequestValidatorImpl sameThread;
    private final Set<String> yamlOperations;

    private RequestValidation(Vertx vertx, OpenAPIContract contract, Set<String> yamlOperations) {
        this.contract = new KeptValidators(contract);
        this.validator = RequestValidator.create(vertx, this.contract);
        this.sameThread = new RequestValidatorImpl(vertx, this.contract);
        this.yamlOperations = Set.copyOf(yamlOperations);
    }

    /** Reads openapi.json from the class path. */
    public static Future<RequestValidation> load(Vertx vertx) {
        return vertx.fileSystem().readFile(DOCUMENT).compose(text -> {
            JsonObject view = validationView(text.toJsonObject());
            Set<String> yaml = yamlOperations(view);
            return OpenAPIContract.from(vertx, view).map(contract -> new RequestValidation(vertx, contract, yaml));
        });
    }

    /** "METHOD /path", e.g. "PUT /admin/deployment": the operationId the validator knows each operation by. */
    static String operationId(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    /**
     * The document as the validator reads it: an absolute server URL, an operationId on every operation, no answers, and request bodies reduced to their
     * JSON media types (none left: no body check); a body that also takes YAML is marked x-guichet-yaml.
     */
    static JsonObject validationView(JsonObject document) {
        JsonObject view = document.copy();
        // vertx-openapi takes only absolute server URLs; the base path is what it matches requests with.
        view.put("servers", new JsonArray().add(new JsonObject().put("url", "http://guichet" + API_BASE)));
        view.getJsonObject("paths").forEach(path -> {
            JsonObject operations = (JsonObject) path.getValue();
            operations.remove("servers");
            for (String method : List.copyOf(operations.fieldNames())) {
                if (!(operations.getValue(method) instanceof JsonObject operation) || !operation.containsKey("responses")) {
                    continue;
                }
                operation.put("operationId", operationId(method, path.getKey()));
                // Answers are not checked here, and vertx-openapi would refuse their CSV, YAML and image types.
                operation.put("responses", new JsonObject().put("default", new JsonObject()
                        .put("description", "as openapi.json says")));
                JsonObject body = operation.getJsonObject("requestBody");
                if (body == null) {
                    continue;
                }
                JsonObject content = body.getJsonObject("content", new JsonObject());
                JsonObject json = new JsonObject();
                content.forEach(media -> {
                    if (media.getKey().toLowerCase(Locale.ROOT).contains("json")) {
                        json.put(media.getKey(), media.getValue());
                    }
                });
                if (json.isEmpty()) {
                    operation.remove("requestBody");
                } else {
                    body.put("content", json);
                    if (content.containsKey(YAML)) {
                        operation.put("x-guichet-yaml", true);
                    }
                }
            }
        });
        return view;
    }

    private static Set<String> yamlOperations(JsonObject view) {
        Set<String> ids = new HashSet<>();
        view.getJsonObject("paths").forEach(path -> ((JsonObject) path.getValue()).forEach(operation -> {
            if (operation.getValue() instanceof JsonObject json && json.getBoolean("x-guichet-yaml", false)) {
                ids.add(json.getString("operationId"));
            }
        }));
        return ids;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.request().path();
        Operation operation = contract.findOperation(path.length() > 1 && path.endsWith("/")
                ? path.substring(0, path.length() - 1) : path, ctx.request().method());
        if (operation == null) {
            ctx.next();
            return;
        }
        Buffer body;
        try {
            body = operation.getRequestBody() == null ? null : jsonBody(ctx, operation);
        } catch (Failure failure) {
            ctx.fail(failure);
            return;
        }
        Future<ValidatableRequest> extracted = RequestUtils.extract(ctx.request(), operation,
                () -> Future.succeededFuture(body)).map(AsJson::new);
        if (body == null || body.length() <= SMALL_BODY_BYTES) {
            // Small requests (all but deployments) are checked on the event loop: sending each to a worker
            // thread, as RequestValidator.validate does, cost more than the check itself.
            extracted.map(request -> checkNow(operation, request)).onComplete(result -> {
                if (result.succeeded()) {
                    accept(ctx, result.result());
                } else {
                    ctx.fail(result.cause() instanceof ValidatorException invalid ? refusal(invalid) : result.cause());
                }
            });
            return;
        }
        extracted.compose(request -> validator.validate(request, operation.getOperationId()))
                .onSuccess(validated -> {
                    String problem = problem(validated);
                    if (problem != null) {
                        ctx.fail(Failure.invalid(problem));
                    } else {
                        ctx.next();
                    }
                })
                .onFailure(failure -> ctx.fail(failure instanceof ValidatorException invalid
                        ? refusal(invalid) : failure));
    }

    /**
     * The body to check as JSON: as sent; "{}" when empty (the routes read an empty body as an empty object); a
     * deployment sent as YAML, read; a whole configuration file, its "deployment" block, as the route takes it.
     */
    private Buffer jsonBody(RoutingContext ctx, Operation operation) {
        Buffer raw = ctx.body() == null ? null : ctx.body().buffer();
        if (raw == null || raw.length() == 0) {
            return Buffer.buffer("{}");
        }
        if (!yamlOperations.contains(operation.getOperationId())) {
            return raw;
        }
        String type = ctx.request().getHeader("Content-Type");
        JsonObject document = type != null && type.toLowerCase(Locale.ROOT).contains("yaml")
                ? DeploymentRules.withoutEmptyFields(YamlCodec.read(raw.toString())) : Json.body(ctx);
        return AdminRoutes.deploymentBlock(document).toBuffer();
    }

    private static void accept(RoutingContext ctx, String problem) {
        if (problem != null) {
            ctx.fail(Failure.invalid(problem));
        } else {
            ctx.next();
        }
    }

    /** What {@link RequestValidator#validate} does, on the calling thread; the problem found, or null. */
    private String checkNow(Operation operation, ValidatableRequest request) {
        Map<String, RequestParameter> path = new HashMap<>();
        Map<String, RequestParameter> query = new HashMap<>();
        Map<String, RequestParameter> headers = new HashMap<>();
        for (Parameter parameter : operation.getParameters()) {
            switch (parameter.getIn()) {
                case PATH -> path.put(parameter.getName(), validated(parameter,
                        request.getPathParameters().get(parameter.getName())));
                case QUERY -> query.put(parameter.getName(), validated(parameter,
                        request.getQuery().get(parameter.getName())));
                case HEADER -> headers.put(parameter.getName(), validated(parameter,
                        request.getHeaders().get(parameter.getName())));
                default -> {
                    // no cookie parameter is documented
                }
            }
        }
        RequestParameter body = sameThread.validateBody(operation.getRequestBody(), request);
        for (Map<String, RequestParameter> parameters : List.of(path, query, headers)) {
            for (Map.Entry<String, RequestParameter> parameter : parameters.entrySet()) {
                String problem = InputText.problem(parameter.getKey(), parameter.getValue().get());
                if (problem != null) {
                    return problem;
                }
            }
        }
        return body == null || body.isNull() ? null : InputText.problem("", body.get());
    }

    /**
     * A parameter checked against its schema. A string is checked as sent: vertx-openapi 5.0.7 first reads any string
     * but a plain word as JSON, so every id with a dash ("site-a", a counter's id) cost two exceptions, each with the
     * whole stack of the router, and a second read in quotes; call-next and every counter action have one.
     */
    private RequestParameter validated(Parameter parameter, RequestParameter raw) {
        if (raw == null || raw.isNull() || parameter.getSchemaType() != SchemaType.STRING
            || !(raw.get() instanceof String text)) {
            return sameThread.validateParameter(parameter, raw);
        }
        OutputUnit result = contract.getSchemaRepository().validator(parameter.getSchema()).validate(text);
        try {
            result.checkValidity();
        } catch (JsonSchemaValidationException invalid) {
            throw SchemaValidationException.createErrorFromOutputUnitType(parameter, result, invalid);
        }
        return new RequestParameterImpl(text);
    }

    private static String problem(ValidatedRequest request) {
        for (Map<String, RequestParameter> parameters : List.of(request.getPathParameters(), request.getQuery(),
                request.getHeaders())) {
            for (Map.Entry<String, RequestParameter> parameter : parameters.entrySet()) {
                String problem = InputText.problem(parameter.getKey(), parameter.getValue().get());
                if (problem != null) {
                    return problem;
                }
            }
        }
        RequestParameter body = request.getBody();
        return body == null || body.isNull() ? null : InputText.problem("", body.get());
    }

    /**
     * A path that does not fit the document (a part that is not one of its kinds, an id that is not a number) names
     * nothing: 404, as it was before the check. Anything else that does not fit is a 400.
     */
    static Failure refusal(ValidatorException invalid) {
        String message = message(invalid);
        return invalid.getMessage() != null && invalid.getMessage().contains(" path parameter ")
                ? Failure.notFound(message) : Failure.invalid(message);
    }

    /** A plain sentence naming the field, never the value sent (which may be 100 KB long). */
    static String message(ValidatorException invalid) {
        String message;
        if (invalid instanceof SchemaValidationException schema && schema.getOutputUnit() != null
                && schema.getMessage() != null && schema.getMessage().contains(" body ")) {
            message = bodyMessage(schema.getOutputUnit());
        } else {
            message = invalid.getMessage() == null ? "Invalid request." : invalid.getMessage();
        }
        return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message;
    }

    private static String bodyMessage(OutputUnit result) {
        OutputUnit relevant = mostRelevant(result);
        String location = relevant.getInstanceLocation() == null ? "" : relevant.getInstanceLocation();
        String field = fieldName(location);
        String reason = relevant.getError() == null ? "is invalid" : relevant.getError();
        Matcher extra = EXTRA_PROPERTY.matcher(reason);
        if (extra.matches()) {
            String name = field.endsWith(extra.group(1)) ? field : (field.isEmpty() ? "" : field + ".") + extra.group(1);
            return "Field '" + InputText.shortened(name) + "' is not allowed here.";
        }
        return (field.isEmpty() ? "The request body" : "Field '" + InputText.shortened(field) + "'")
                + ": " + reason + (reason.endsWith(".") ? "" : ".");
    }

    /**
     * The error that says what is wrong rather than where: the deepest one that is not only a wrapper ("property x
     * does not match additional properties schema" wraps the too-long string inside it).
     */
    private static OutputUnit mostRelevant(OutputUnit result) {
        List<OutputUnit> errors = result.getErrors() == null || result.getErrors().isEmpty() ? List.of(result)
                : result.getErrors();
        OutputUnit best = deepest(errors, true);
        return best != null ? best : deepest(errors, false);
    }

    private static OutputUnit deepest(List<OutputUnit> errors, boolean skipWrappers) {
        OutputUnit best = null;
        for (OutputUnit error : errors) {
            String text = error.getError() == null ? "" : error.getError();
            if (skipWrappers && (text.contains("does not match") || text.contains("did not match"))) {
                continue;
            }
            if (best == null || depth(error) > depth(best)) {
                best = error;
            }
        }
        return best;
    }

    private static int depth(OutputUnit error) {
        return error.getInstanceLocation() == null ? 0 : error.getInstanceLocation().length();
    }

    /** "/sites/0/services/1/targetWaitMinutes" → "sites[0].services[1].targetWaitMinutes". */
    static String fieldName(String pointer) {
        StringBuilder field = new StringBuilder();
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty() || segment.equals("#")) {
                continue;
            }
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                field.append('[').append(name).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(name);
            }
        }
        return field.toString();
    }

    /** The request as extracted, its body declared JSON (an empty body or a YAML deployment was made JSON above). */
    private record AsJson(ValidatableRequest request) implements ValidatableRequest {

        @Override
        public Map<String, RequestParameter> getCookies() {
            return request.getCookies();
        }

        @Override
        public Map<String, RequestParameter> getPathParameters() {
            return request.getPathParameters();
        }

        @Override
        public Map<String, RequestParameter> getQuery() {
            return request.getQuery();
        }

        @Override
        public Map<String, RequestParameter> getHeaders() {
            return request.getHeaders();
        }

        @Override
        public RequestParameter getBody() {
            return request.getBody();
        }

        @Override
        public String getContentType() {
            return JSON;
        }
    }
}
