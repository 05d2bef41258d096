package se.coop.app.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.Nodes;
import se.coop.app.support.Secretariat;
import tools.jackson.databind.JsonNode;

/**
 * The open register on a Coop with the demo data and one agreement of the test's own that names people: its DCAT
 * catalogue passes shapes written from DCAT-AP-SE (validated with Apache Jena SHACL), its JSON-LD reads as RDF, its
 * CSV as a table (Apache Commons CSV), and nothing in it names a person or an address.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenDataTest {

    private static final int REQUESTS_PER_MINUTE = 200;

    /** The people and places the test's own agreement names, none of which the register may show. */
    private static final List<String> OWN_PERSONAL = List.of(
            "Anna Svensson",
            "kommunstyrelsens ordförande i Laholm",
            "Karin Ek",
            "Per Jensen",
            "per.jensen@halmstad.example.org",
            "Storgatan 5, 302 50 Halmstad");

    private static ConfigurableApplicationContext node;
    private static Api api;
    private static String own;
    private static String draft;

    @BeforeAll
    static void start() {
        node = Nodes.start(
                "opendata",
                "--coop.demo=true",
                "--coop.open-data.enabled=true",
                "--coop.open-data.publisher-name=Region Halland",
                "--coop.open-data.publisher-type=RegionalAuthority",
                "--coop.open-data.publisher-id=232100-0198",
                "--coop.open-data.publisher-homepage=https://www.regionhalland.example.org/",
                "--coop.open-data.contact-email=opendata@regionhalland.example.org",
                "--coop.open-data.contact-phone=+46 35 13 48 00",
                "--coop.open-data.contact-street=Box 517",
                "--coop.open-data.contact-postal-code=301 80",
                "--coop.open-data.contact-locality=Halmstad",
                "--coop.open-data.contact-country=SE",
                "--coop.open-data.cache-for=0s",
                "--coop.open-data.requests-per-minute=" + REQUESTS_PER_MINUTE);
        api = new Api(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(api.as("auditor")
                                .get("/api/v1/agreements?size=100")
                                .json()
                                .get("totalElements")
                                .asLong())
                        .isEqualTo(9));
        Secretariat secretariat = new Secretariat(api);
        own = secretariat.draft(Bodies.twoPartyDraft());
        secretariat.submit(own);
        secretariat.command(
                "/api/v1/agreements/" + own + "/signatures",
                Map.of(
                        "partyId",
                        "laholm",
                        "textSha256",
                        Bodies.TEXT_V1,
                        "signatory",
                        Map.of("name", "Anna Svensson", "title", "kommunstyrelsens ordförande i Laholm"),
                        "signedOn",
                        "2026-02-10"));
        Map<String, Object> decision =
                new LinkedHashMap<>(Bodies.decision("laholm", Bodies.TEXT_V1, "2026-02-12", "ADOPTED"));
        decision.put("caseNumber", "KS 2026/77");
        decision.put("paragraph", "§ 41");
        decision.put("dissents", List.of("Karin Ek"));
        secretariat.command("/api/v1/agreements/" + own + "/board-decisions", decision);
        secretariat.adopt(own, "halmstad", Bodies.TEXT_V1, "2026-02-13");
        secretariat.sign(own, "halmstad", Bodies.TEXT_V1, "2026-02-14");
        secretariat.scheduleReview(
                own,
                OffsetDateTime.parse("2027-02-10T13:00:00+01:00"),
                "Storgatan 5, 302 50 Halmstad",
                "Per Jensen",
                "per.jensen@halmstad.example.org");
        draft = secretariat.draft(Bodies.twoPartyDraft());
        // the register is built from the status read model: wait until it holds the test's writes
        secretariat.read("auditor", "/api/v1/agreements/" + draft);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(open("/open/agreements").body()).contains("§ 41", "2027-02-10"));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static Api.Answer open(String path) {
        return api.anonymous().get(path);
    }

    private static Api.Answer open(String path, String accept) {
        return api.anonymous().header("Accept", accept).get(path);
    }

    private static Model rdf(String text, Lang lang) {
        Model model = ModelFactory.createDefaultModel();
        RDFParser.fromString(text, lang).parse(model);
        return model;
    }

    private static Shapes shapes() {
        Model shapes = ModelFactory.createDefaultModel();
        try (InputStream in = OpenDataTest.class.getResourceAsStream("/shapes/dcat-ap-se-3.0.1.ttl")) {
            RDFParser.source(in).lang(Lang.TURTLE).parse(shapes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Shapes.parse(shapes.getGraph());
    }

    private static ValidationReport validate(Model catalogue) {
        return ShaclValidator.get().validate(shapes(), catalogue.getGraph());
    }

    private static String printed(ValidationReport report) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ShLib.printReport(out, report);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void theCatalogueInTurtleAndJsonLdIsOneGraphThatPassesTheShapesWrittenFromDcatApSe() {
        Api.Answer turtle = open("/open/catalog");
        assertThat(turtle.status()).isEqualTo(200);
        assertThat(turtle.header("Content-Type")).startsWith("text/turtle");
        Api.Answer jsonLd = open("/open/catalog", "application/ld+json");
        assertThat(jsonLd.header("Content-Type")).startsWith("application/ld+json");
        Model fromTurtle = rdf(turtle.body(), Lang.TURTLE);
        Model fromJsonLd = rdf(jsonLd.body(), Lang.JSONLD11);
        assertThat(fromTurtle.isIsomorphicWith(fromJsonLd))
                .as("Turtle and JSON-LD say the same")
                .isTrue();
        assertThat(fromTurtle.isIsomorphicWith(rdf(open("/open/catalog.jsonld").body(), Lang.JSONLD11)))
                .isTrue();
        assertThat(fromTurtle.isIsomorphicWith(rdf(open("/open/catalog.ttl").body(), Lang.TURTLE)))
                .isTrue();

        ValidationReport report = validate(fromTurtle);
        assertThat(report.conforms()).as(() -> printed(report)).isTrue();

        // a catalogue, one dataset, three distributions, each of which answers with what it says it is
        Resource catalog = fromTurtle.createResource(api.base() + "/open/catalog");
        assertThat(fromTurtle.contains(
                        catalog,
                        org.apache.jena.vocabulary.RDF.type,
                        fromTurtle.createResource("http://www.w3.org/ns/dcat#Catalog")))
                .isTrue();
        List<String> formats = new ArrayList<>();
        fromTurtle
                .listResourcesWithProperty(
                        org.apache.jena.vocabulary.RDF.type,
                        fromTurtle.createResource("http://www.w3.org/ns/dcat#Distribution"))
                .forEach(distribution -> {
                    String url = distribution
                            .getPropertyResourceValue(
                                    fromTurtle.createProperty("http://www.w3.org/ns/dcat#", "accessURL"))
                            .getURI();
                    String format = distribution.getProperty(DCTerms.format).getString();
                    formats.add(format);
                    Api.Answer answer = open(url.substring(api.base().length()));
                    assertThat(answer.status()).as(url).isEqualTo(200);
                    assertThat(answer.header("Content-Type")).as(url).startsWith(format);
                });
        assertThat(formats).containsExactlyInAnyOrder("application/ld+json", "text/csv", "text/csv");
    }

    @Test
    @Order(2)
    void theShapesFindACatalogueWithoutItsLicenceOrItsContactsAddressWanting() {
        Model catalogue = rdf(open("/open/catalog").body(), Lang.TURTLE);
        Model withoutLicence = ModelFactory.createDefaultModel().add(catalogue);
        withoutLicence.removeAll(withoutLicence.createResource(api.base() + "/open/catalog"), DCTerms.license, null);
        ValidationReport noLicence = validate(withoutLicence);
        assertThat(noLicence.conforms()).isFalse();
        assertThat(printed(noLicence)).contains("license");

        Model withoutEmail = ModelFactory.createDefaultModel().add(catalogue);
        withoutEmail.removeAll(null, withoutEmail.createProperty("http://www.w3.org/2006/vcard/ns#", "hasEmail"), null);
        ValidationReport noEmail = validate(withoutEmail);
        assertThat(noEmail.conforms()).isFalse();
        assertThat(printed(noEmail)).contains("hasEmail");

        Model wrongType = ModelFactory.createDefaultModel().add(catalogue);
        Resource publisher = wrongType.createResource("https://www.regionhalland.example.org/");
        wrongType.removeAll(publisher, DCTerms.type, null);
        wrongType.add(
                publisher, DCTerms.type, wrongType.createResource("http://purl.org/adms/publishertype/Municipality"));
        assertThat(validate(wrongType).conforms()).isFalse();
    }

    @Test
    @Order(3)
    void theRegisterIsLinkedDataWithAStableUriForEachAgreementPastDrafting() {
        Api.Answer register = open("/open/agreements");
        assertThat(register.header("Content-Type")).startsWith("application/ld+json");
        Model model = rdf(register.body(), Lang.JSONLD11);
        String uri = api.base() + "/open/agreements/" + own;
        Resource agreement = model.createResource(uri);
        assertThat(model.contains(
                        agreement,
                        DCTerms.title,
                        model.createLiteral(
                                "Avsiktsförklaring om samverkan för hållbar tillväxt i Halmstadsregionen", "sv")))
                .isTrue();
        assertThat(model.contains(agreement, DCTerms.identifier, own)).isTrue();

        Api.Answer one = open("/open/agreements/" + own);
        assertThat(one.status()).isEqualTo(200);
        JsonNode document = one.json();
        assertThat(document.get("@id").asString()).isEqualTo(uri);
        assertThat(document.get("state").asString()).isEqualTo("IN_FORCE");
        assertThat(document.get("nextReviewOn").asString()).isEqualTo("2027-02-10");
        JsonNode laholm = null;
        for (JsonNode decision : document.get("decisions")) {
            if (decision.get("party").asString().equals("laholm")) {
                laholm = decision;
            }
        }
        assertThat(laholm).isNotNull();
        assertThat(laholm.get("body").asString()).isEqualTo("Kommunstyrelsen");
        assertThat(laholm.get("caseNumber").asString()).isEqualTo("KS 2026/77");
        assertThat(laholm.get("paragraph").asString()).isEqualTo("§ 41");
        assertThat(laholm.get("decidedOn").asString()).isEqualTo("2026-02-12");
        assertThat(rdf(one.body(), Lang.JSONLD11).contains(agreement, DCTerms.identifier, own))
                .isTrue();

        // a draft is not in the register, and its address is 404 as any unknown one
        assertThat(register.body()).doesNotContain(draft);
        assertThat(open("/open/agreements/" + draft).status()).isEqualTo(404);
        assertThat(open("/open/agreements/" + draft).header("Content-Type")).startsWith("application/problem+json");
        // the terms the JSON-LD maps its keys to are published
        Model terms = rdf(open("/open/terms").body(), Lang.TURTLE);
        assertThat(terms.contains(
                        terms.createResource(api.base() + "/open/terms#caseNumber"),
                        org.apache.jena.vocabulary.RDFS.label,
                        terms.createLiteral("Diarienummer", "sv")))
                .isTrue();
    }

    @Test
    @Order(4)
    void theRegisterAsCsvReadsAsATableOfAgreementsAndOneOfDecisions() throws IOException {
        List<CSVRecord> agreements = csv(open("/open/agreements.csv"));
        List<CSVRecord> asked = csv(open("/open/agreements", "text/csv"));
        assertThat(asked).hasSameSizeAs(agreements);
        JsonNode graph = open("/open/agreements").json().get("@graph");
        assertThat(agreements).hasSize(graph.size());
        CSVRecord row = agreements.stream()
                .filter(r -> r.get("identifier").equals(own))
                .findFirst()
                .orElseThrow();
        assertThat(row.get("uri")).isEqualTo(api.base() + "/open/agreements/" + own);
        assertThat(row.get("state")).isEqualTo("IN_FORCE");
        assertThat(row.get("parties")).isEqualTo("Halmstads kommun | Laholms kommun");
        assertThat(row.get("next_review_on")).isEqualTo("2027-02-10");

        List<CSVRecord> decisions = csv(open("/open/decisions.csv"));
        CSVRecord laholm = decisions.stream()
                .filter(r -> r.get("agreement_identifier").equals(own)
                        && r.get("party_id").equals("laholm"))
                .findFirst()
                .orElseThrow();
        assertThat(laholm.get("case_number")).isEqualTo("KS 2026/77");
        assertThat(laholm.get("paragraph")).isEqualTo("§ 41");
        assertThat(laholm.get("body")).isEqualTo("Kommunstyrelsen");
        assertThat(laholm.get("decided_on")).isEqualTo(LocalDate.of(2026, 2, 12).toString());
        assertThat(laholm.get("counts")).isEqualTo("true");
    }

    private static List<CSVRecord> csv(Api.Answer answer) throws IOException {
        assertThat(answer.header("Content-Type")).startsWith("text/csv");
        String body = answer.body();
        assertThat(body).startsWith("\uFEFF");
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(body.substring(1)))
                .getRecords();
    }

    @Test
    @Order(5)
    void nothingOpenNamesAPersonOrAnAddressOfTheDemoDataOrOfTheTestsOwnAgreement() throws IOException {
        Set<String> organisations = new LinkedHashSet<>();
        Set<String> personal = new LinkedHashSet<>(OWN_PERSONAL);
        for (org.springframework.core.io.Resource seed :
                new PathMatchingResourcePatternResolver().getResources("classpath*:demo/*.json")) {
            try (InputStream in = seed.getInputStream()) {
                collect(Api.JSON.readTree(in), personal, organisations);
            }
        }
        // a meeting's place that is only a town, whose name is also in an organisation's (Bjuv, Bjuvs kommun) or an
        // agreement's title (Helsingborg och Helsingør), is the register's content; a place that is more (Rådhuset,
        // Halmstad) is not
        for (JsonNode agreement : open("/open/agreements").json().get("@graph")) {
            agreement.get("title").forEach(title -> organisations.add(title.asString()));
        }
        personal.removeIf(text -> text.length() < 3);
        personal.removeIf(text -> organisations.stream().anyMatch(name -> name.contains(text)));
        assertThat(personal).contains("Kommundirektör", "kommundirektor@halmstad.example.org", "Rådhuset, Halmstad");

        Map<String, String> published = new LinkedHashMap<>();
        for (String path : List.of("/open/", "/open/agreements", "/open/agreements.csv", "/open/decisions.csv")) {
            published.put(path, open(path).body());
        }
        for (JsonNode agreement : open("/open/agreements").json().get("@graph")) {
            String path = agreement.get("@id").asString().substring(api.base().length());
            published.put(path, open(path).body());
        }
        assertThat(published).hasSizeGreaterThan(5);
        published.forEach((path, body) -> {
            for (String text : personal) {
                assertThat(body).as(path + " names " + text).doesNotContainIgnoringCase(text);
            }
            assertThat(body).as(path + " holds an e-mail address").doesNotContain("@example.org");
        });
        // the organisations are the content
        assertThat(published.get("/open/agreements")).contains("Halmstads kommun", "Helsingør Kommune", "Scandlines");
        // the catalogue names only the publisher's own mailbox
        String catalogue = open("/open/catalog").body();
        for (String text : personal) {
            assertThat(catalogue).doesNotContainIgnoringCase(text);
        }
    }

    /**
     * The persons' names, addresses and places of the demo data's requests; and what the register is about: the
     * organisations' names and the titles.
     */
    private static void collect(JsonNode node, Set<String> personal, Set<String> organisations) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, personal, organisations));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (String key : node.propertyNames()) {
            JsonNode value = node.get(key);
            switch (key) {
                case "signatory" -> {
                    personal.add(value.get("name").asString());
                    personal.add(value.get("title").asString());
                }
                case "reviewers" ->
                    value.forEach(reviewer -> {
                        personal.add(reviewer.get("name").asString());
                        personal.add(reviewer.get("email").asString());
                    });
                case "email", "location", "place" -> personal.add(value.asString());
                case "dissents" -> value.forEach(name -> personal.add(name.asString()));
                case "parties" ->
                    value.forEach(party -> {
                        if (party.has("name")) {
                            organisations.add(party.get("name").asString());
                        }
                    });
                default -> {}
            }
            collect(value, personal, organisations);
        }
    }

    @Test
    @Order(6)
    void answersAreCacheableByAnyoneAndAReaderThatHasThemGets304() {
        Api.Answer first = open("/open/agreements");
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.header("Cache-Control")).contains("public").contains("max-age=0");
        assertThat(first.header("Access-Control-Allow-Origin")).isEqualTo("*");
        Api.Answer again = api.anonymous().header("If-None-Match", etag).get("/open/agreements");
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(api.anonymous()
                        .header("If-None-Match", "\"other\"")
                        .get("/open/agreements")
                        .status())
                .isEqualTo(200);
        // signed in or not, the same: nothing more is shown to a signed-in reader
        assertThat(api.as("secretariat").get("/open/agreements").body()).isEqualTo(first.body());
    }

    @Test
    @Order(7)
    void theReadersPreferenceByQualityChoosesTheFormAndEachFormHasATagOfItsOwn() throws IOException {
        assertThat(open("/open/agreements", "text/csv;q=0.1, application/ld+json")
                        .header("Content-Type"))
                .startsWith("application/ld+json");
        assertThat(open("/open/agreements", "application/ld+json;q=0, text/csv").header("Content-Type"))
                .startsWith("text/csv");
        assertThat(open("/open/agreements", "application/json").header("Content-Type"))
                .startsWith("application/ld+json");
        assertThat(open("/open/catalog", "text/turtle;q=0.1, application/ld+json")
                        .header("Content-Type"))
                .startsWith("application/ld+json");
        assertThat(open("/open/catalog", "application/ld+json;q=0, text/turtle").header("Content-Type"))
                .startsWith("text/turtle");
        Set<String> tags = new LinkedHashSet<>();
        for (Api.Answer answer : List.of(
                open("/open/agreements"),
                open("/open/agreements", "text/csv"),
                open("/open/decisions.csv"),
                open("/open/catalog"),
                open("/open/catalog.jsonld"),
                open("/open/terms"),
                open("/open/agreements/" + own))) {
            assertThat(answer.header("Pragma")).isNull();
            tags.add(answer.header("ETag"));
        }
        assertThat(tags).as("one tag per form").hasSize(7);
        assertThat(api.anonymous()
                        .header("If-None-Match", "*")
                        .get("/open/catalog")
                        .status())
                .isEqualTo(304);
        assertThat(open("/open/agreements/" + own.toUpperCase(java.util.Locale.ROOT))
                        .status())
                .isEqualTo(200);
        // a decision says whether it is legally final, not only the day it would be
        assertThat(csv(open("/open/decisions.csv")).get(0).isMapped("finality")).isTrue();
    }

    @Test
    @Order(8)
    void anAgreementThatLeavesTheRegisterMovesItsLastModified() {
        Secretariat secretariat = new Secretariat(api);
        String leaving = secretariat.draft(Bodies.twoPartyDraft());
        secretariat.submit(leaving);
        secretariat.read("auditor", "/api/v1/agreements/" + leaving);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(open("/open/agreements/" + leaving).status()).isEqualTo(200));
        String before = open("/open/agreements").header("Last-Modified");
        se.coop.app.support.TestClock.INSTANCE.advance(Duration.ofMinutes(2));
        secretariat.command(
                "/api/v1/agreements/" + leaving + "/revisions",
                Map.of("text", Bodies.text(Bodies.TEXT_V2), "note", "ny text"));
        secretariat.read("auditor", "/api/v1/agreements/" + leaving);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(open("/open/agreements/" + leaving).status()).isEqualTo(404));
        Api.Answer after = api.anonymous().header("If-Modified-Since", before).get("/open/agreements");
        assertThat(after.status()).as("changed since " + before).isEqualTo(200);
        assertThat(after.body()).doesNotContain(leaving);
    }

    @Test
    @Order(9)
    void oneAddressMayAskSoManyTimesAMinuteThen429() {
        int refused = 0;
        Api.Answer last = null;
        for (int i = 0; i <= REQUESTS_PER_MINUTE && refused == 0; i++) {
            last = open("/open/terms");
            if (last.status() == 429) {
                refused++;
            }
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.header("Content-Type")).startsWith("application/problem+json");
        assertThat(last.json().get("errorCode").asString()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();
    }
}
