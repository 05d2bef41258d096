package se.coop.app.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.coop.app.support.Api;
import se.coop.app.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API description at {@code /v3/api-docs} is one that strict tools and client generators read: a Java OpenAPI
 * parser finds nothing wrong in it, and every header Coop answers with says what it holds (its schema), as OpenAPI 3
 * requires.
 */
class ApiDescriptionTest extends IntegrationTest {

    private static final Path DOCS = Path.of("..", "docs", "openapi.json");
    private static final Path SERVED = Path.of("target", "openapi.json");

    @Test
    void anOpenApiParserFindsNothingWrong() {
        Api.Answer docs = api.anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);

        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(docs.body(), null, options);

        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getMessages()).isEmpty();
    }

    /**
     * {@code docs/openapi.json} is the description Coop serves: clients are generated from it at build time
     * ({@link GeneratedClientTest}). When an endpoint changes, this test writes the new description to
     * {@code coop-app/target/openapi.json}, to be copied to docs/.
     */
    @Test
    void theDescriptionInDocsIsTheOneServed() throws IOException {
        JsonNode served = api.anonymous().get("/v3/api-docs").json();
        JsonMapper json = JsonMapper.builder().build();
        JsonNode kept = json.readTree(Files.readString(DOCS));

        if (!served.equals(kept)) {
            Files.writeString(SERVED, json.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");
        }
        assertThat(served)
                .as("docs/openapi.json is not the description Coop serves: cp coop-app/target/openapi.json"
                        + " docs/openapi.json")
                .isEqualTo(kept);
    }

    @Test
    void everyResponseHeaderHasASchema() {
        JsonNode paths = api.anonymous().get("/v3/api-docs").json().get("paths");
        List<String> without = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode responses = operation.getValue().get("responses");
                if (responses == null) {
                    continue;
                }
                for (Map.Entry<String, JsonNode> response : responses.properties()) {
                    JsonNode headers = response.getValue().get("headers");
                    if (headers == null) {
                        continue;
                    }
                    for (Map.Entry<String, JsonNode> header : headers.properties()) {
                        if (!header.getValue().has("schema")
                                && !header.getValue().has("content")) {
                            without.add(operation.getKey() + " " + path.getKey() + " " + response.getKey() + " "
                                    + header.getKey());
                        }
                    }
                }
            }
        }
        assertThat(without).isEmpty();
    }
}
