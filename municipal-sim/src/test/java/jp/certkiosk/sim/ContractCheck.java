package jp.certkiosk.sim;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import jp.certkiosk.api.ApiJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every answer the simulator gives in the tests, checked against the contract, openapi.yaml, by a
 * JSON Schema 2020-12 validator nobody here wrote (networknt): the operation must be in the
 * document, the status must be one it declares, and the body must match the declared schema. For
 * the check, objects may carry no property the document does not name ({@code
 * unevaluatedProperties: false} added to every object schema), so a field the code sends and the
 * document forgets fails too; the contract itself still tells receivers to ignore unknown fields.
 */
public final class ContractCheck implements ClientResponseFilter {
    private static final JsonNode DOCUMENT = strict(load());
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();

    /** The problems of one answer, empty when it keeps the contract. */
    public static List<String> problems(String method, String path, int status, byte[] body) {
        List<String> problems = new ArrayList<>();
        String template = template(path);
        if (template == null) {
            // an unknown path still gets the contract's error answer
            return status >= 400 ? validate(method + " " + path + " " + status, "/components/responses/Error/content/"
                    + escape("application/json") + "/schema", body)
                    : List.of("no path of the contract matches " + path + " (status " + status + ")");
        }
        String pointer = "/paths/" + escape(template) + "/" + method.toLowerCase();
        JsonNode operation = DOCUMENT.at(pointer);
        if (operation.isMissingNode()) {
            return List.of(method + " " + template + " is not an operation of the contract");
        }
        JsonNode responses = operation.get("responses");
        String key = responses.has(String.valueOf(status)) ? String.valueOf(status)
                : responses.has(status / 100 + "XX") ? status / 100 + "XX" : "default";
        JsonNode response = responses.get(key);
        if (response == null || (status < 400 && key.equals("default"))) {
            return List.of(method + " " + template + ": status " + status + " is not declared");
        }
        String responsePointer = pointer + "/responses/" + key;
        if (response.has("$ref")) {
            responsePointer = response.get("$ref").asText().substring(1);
            response = DOCUMENT.at(responsePointer);
        }
        JsonNode content = response.path("content").path("application/json");
        if (content.isMissingNode()) {
            if (body.length > 0) {
                problems.add(method + " " + template + " " + status + ": a body where the contract has none");
            }
            return problems;
        }
        return validate(method + " " + template + " " + status,
                responsePointer + "/content/" + escape("application/json") + "/schema", body);
    }

    private static List<String> validate(String answer, String schemaPointer, byte[] body) {
        Schema schema = COMPILED.computeIfAbsent(schemaPointer, ContractCheck::compile);
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (IOException e) {
            return List.of(answer + ": the body is not JSON");
        }
        if (instance == null || instance.isMissingNode()) {
            return List.of(answer + ": no body where the contract has one");
        }
        List<String> problems = new ArrayList<>();
        for (Error error : schema.validate(instance)) {
            problems.add(answer + ": " + error.getInstanceLocation() + " " + error.getMessage());
        }
        return problems;
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) throws IOException {
        byte[] body = response.hasEntity() ? response.getEntityStream().readAllBytes() : new byte[0];
        response.setEntityStream(new ByteArrayInputStream(body));
        List<String> problems = problems(request.getMethod(), request.getUri().getPath(), response.getStatus(), body);
        if (!problems.isEmpty()) {
            throw new AssertionError("the simulator's answer breaks openapi.yaml: " + problems);
        }
    }

    /** The document's path template an actual path matches, e.g. /v1/issuances/{issuanceId}. */
    private static String template(String path) {
        for (Iterator<String> names = DOCUMENT.get("paths").fieldNames(); names.hasNext(); ) {
            String template = names.next();
            String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (path.matches(regex)) {
                return template;
            }
        }
        return null;
    }

    private static Schema compile(String pointer) {
        ObjectNode root = (ObjectNode) DOCUMENT.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#" + pointer);
        return SCHEMAS.getSchema(root);
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode load() {
        try (InputStream in = ApiJson.class.getResourceAsStream("openapi.yaml")) {
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds unevaluatedProperties: false to every schema that names its properties. */
    private static JsonNode strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (JsonNode child : object) {
                strict(child);
            }
            if (object.has("properties") && object.path("type").asText("").equals("object")
                    && !object.has("unevaluatedProperties")) {
                object.put("unevaluatedProperties", false);
            }
        } else if (node.isArray()) {
            node.forEach(ContractCheck::strict);
        }
        return node;
    }
}
