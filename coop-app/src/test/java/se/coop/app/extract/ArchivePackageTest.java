package se.coop.app.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import se.coop.app.support.Api;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.RawEvents;
import se.coop.app.support.Secretariat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The e-archive package: an E-ARK SIP the community's validator accepts, every checksum in METS true to its file, the
 * agreement as a CITS ERMS case and PREMIS fixity, checked by the rules of those specifications that Coop follows
 * (docs/archive.md); and the operator's export of every archived agreement.
 */
class ArchivePackageTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    private se.coop.query.extract.ArchiveExports exports;

    static final String METS = "http://www.loc.gov/METS/";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String ERMS = "https://DILCIS.eu/XML/ERMS";
    static final String PREMIS = "http://www.loc.gov/premis/v3";

    @TempDir
    Path temp;

    @Test
    void anArchivedAgreementsPackagePassesTheEarkValidatorWithoutAMustFailing() throws Exception {
        Secretariat secretariat = new Secretariat(api);
        String id = Fixtures.archived(secretariat, "packagevalid");
        Api.Download zip = secretariat.reader("auditor").download("/api/v1/agreements/" + id + "/archive-package");
        assertThat(zip.status()).as(zip.toString()).isEqualTo(200);
        assertThat(zip.header("Content-Type")).isEqualTo("application/zip");
        assertThat(zip.header("Content-Disposition")).contains("uuid-" + id + ".zip");
        assertThat(zip.header("Coop-Preliminary-Extract")).isEqualTo("false");
        Path file = temp.resolve("package.zip");
        Files.write(file, zip.bytes());

        List<SipValidation.Failure> failures = SipValidation.failures(file);
        assertThat(failures.stream().filter(f -> f.level().equals("MUST")))
                .as("MUST requirements failed: %s", failures)
                .isEmpty();
        // the one SHOULD left: no schemas folder (third-party schema files are not copied into Coop)
        assertThat(failures.stream().filter(f -> f.level().equals("SHOULD")).map(SipValidation.Failure::id))
                .containsOnly("CSIPSTR13", "CSIPSTR15", "CSIPSTR16");
    }

    @Test
    void everyFileIsListedInMetsWithItsTrueSha256AndSize() throws Exception {
        Secretariat secretariat = new Secretariat(api);
        String id = Fixtures.archived(secretariat, "packagechecksums");
        Map<String, byte[]> files = packageOf(secretariat, id);
        String root = "uuid-" + id + "/";
        assertThat(files.keySet())
                .allSatisfy(name -> assertThat(name).startsWith(root))
                .contains(
                        root + "METS.xml",
                        root + "metadata/descriptive/erms.xml",
                        root + "metadata/preservation/premis.xml",
                        root + "representations/rep1/METS.xml",
                        root + "representations/rep1/data/events.jsonl",
                        root + "representations/rep1/data/history.sv.txt",
                        root + "representations/rep1/data/dossier.pdf",
                        root + "representations/rep1/data/documents.json");

        List<String> listed = new ArrayList<>();
        listed.add(root + "METS.xml");
        checkListed(files, root, xml(files.get(root + "METS.xml")), listed);
        checkListed(
                files, root + "representations/rep1/", xml(files.get(root + "representations/rep1/METS.xml")), listed);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(files.keySet());
    }

    @Test
    void theRawEventsTheHistoryAndTheDossierAreInTheRepresentation() throws Exception {
        Secretariat secretariat = new Secretariat(api);
        String id = Fixtures.archived(secretariat, "packagedata");
        JsonNode verification = secretariat
                .read("auditor", "/api/v1/agreements/" + id + "/verification")
                .json();
        Map<String, byte[]> files = packageOf(secretariat, id);
        String data = "uuid-" + id + "/representations/rep1/data/";

        ObjectNode stream = Api.JSON.createObjectNode().put("agreementId", id);
        ArrayNode events = stream.putArray("events");
        for (String line : new String(files.get(data + "events.jsonl"), StandardCharsets.UTF_8).split("\n")) {
            events.add(Api.JSON.readTree(line));
        }
        assertThat(events).hasSize(verification.get("events").asInt());
        assertThat(RawEvents.recomputeChain(stream))
                .isEqualTo(verification.get("headHash").asString());

        assertThat(new String(files.get(data + "history.sv.txt"), StandardCharsets.UTF_8))
                .contains("Samverkan om Øresund och Kattegatt – packagedata")
                .contains("KS 2019/1000");
        try (PDDocument pdf = Loader.loadPDF(files.get(data + "dossier.pdf"))) {
            var pdfa = new DomXmpParser()
                    .parse(pdf.getDocumentCatalog().getMetadata().toByteArray())
                    .getPDFAIdentificationSchema();
            assertThat(pdfa.getPart()).isEqualTo(2);
            assertThat(pdfa.getConformance()).isEqualTo("B");
        }
    }

    /** CITS ERMS 2.1 (FGS Ärendehantering): the rules Coop follows, each by its requirement number. */
    @Test
    void theCaseFollowsCitsErms() throws Exception {
        Secretariat secretariat = new Secretariat(api);
        String id = Fixtures.archived(secretariat, "packageerms");
        Map<String, byte[]> files = packageOf(secretariat, id);
        Element erms = xml(files.get("uuid-" + id + "/metadata/descriptive/erms.xml"));
        assertThat(erms.getNamespaceURI()).isEqualTo(ERMS);
        assertThat(erms.getLocalName()).isEqualTo("erms");
        assertThat(names(erms)).containsExactly("control", "aggregations");

        Element control = child(erms, "control");
        // ERMS1/2: identification with its type; ERMS10–23: maintenance status, agency, history with event
        assertThat(children(control, "identification"))
                .isNotEmpty()
                .allSatisfy(
                        i -> assertThat(i.getAttribute("identificationType")).isNotBlank());
        assertInOrder(names(control), "identification", "maintenanceInformation");
        Element maintenance = child(control, "maintenanceInformation");
        assertThat(names(maintenance)).containsExactly("maintenanceStatus", "maintenanceAgency", "maintenanceHistory");
        assertThat(child(maintenance, "maintenanceStatus").getAttribute("value"))
                .isEqualTo("new");
        assertThat(text(child(child(maintenance, "maintenanceAgency"), "agencyName")))
                .isEqualTo("Halmstads kommun");
        Element event = child(child(maintenance, "maintenanceHistory"), "maintenanceEvent");
        assertThat(names(event)).containsExactly("eventType", "eventDateTime", "agent");
        assertThat(child(event, "eventType").getAttribute("value")).isEqualTo("created");
        assertThat(text(child(event, "eventDateTime"))).matches(DATE_TIME);

        // ERMS198–204, 218: the case file with its system identifier, type, objectId and created date
        Element caseFile = child(child(erms, "aggregations"), "aggregation");
        assertThat(caseFile.getAttribute("systemIdentifier")).isEqualTo(id);
        assertThat(caseFile.getAttribute("aggregationType")).isEqualTo("caseFile");
        assertInOrder(names(caseFile), AGGREGATION_ORDER);
        assertThat(text(child(caseFile, "objectId"))).isEqualTo(id);
        assertThat(children(caseFile, "extraId").stream().map(ArchivePackageTest::text))
                .containsExactlyInAnyOrder("KS 2019/1000", "KS 2019/1001");
        assertThat(children(caseFile, "extraId"))
                .allSatisfy(e -> assertThat(e.getAttribute("extraIdType")).startsWith("caseNumber:"));
        assertThat(text(child(caseFile, "title"))).isEqualTo("Samverkan om Øresund och Kattegatt – packageerms");
        assertThat(children(caseFile, "otherTitle"))
                .hasSize(2)
                .allSatisfy(t -> assertThat(t.getAttribute("titleType")).isNotBlank());
        assertThat(child(caseFile, "status").getAttribute("value")).isEqualTo("closed");
        assertThat(children(child(caseFile, "agents"), "agent")).hasSize(2).allSatisfy(a -> {
            assertThat(a.getAttribute("agentType")).isEqualTo("counterpart");
            assertThat(names(a).get(0)).isEqualTo("name");
        });
        assertThat(dates(caseFile)).containsKeys("created", "opened", "closed");

        // ERMS129–135, 146, 148, 156: each decision and signature a record with its id, type and created date
        List<Element> records = children(caseFile, "record");
        assertThat(records).hasSize(4);
        for (Element record : records) {
            assertThat(record.getAttribute("systemIdentifier")).isNotBlank();
            assertThat(text(child(record, "objectId"))).isEqualTo(record.getAttribute("systemIdentifier"));
            assertInOrder(names(record), RECORD_ORDER);
            assertThat(dates(record)).containsKey("created");
            assertThat(children(record, "extraId"))
                    .allSatisfy(e -> assertThat(e.getAttribute("extraIdType")).isNotBlank());
        }
        Element decision = records.stream()
                .filter(r -> r.getAttribute("recordType").equals("boardDecision"))
                .filter(r -> children(r, "extraId").stream().anyMatch(e -> text(e).equals("KS 2019/1000")))
                .findFirst()
                .orElseThrow();
        assertThat(children(decision, "extraId").stream().map(ArchivePackageTest::text))
                .containsExactly("KS 2019/1000", "§ 10");
        Element body = child(child(decision, "agents"), "agent");
        assertThat(body.getAttribute("agentType")).isEqualTo("other");
        assertThat(body.getAttribute("otherAgentType")).isEqualTo("decision_body");
        assertThat(text(child(body, "name"))).isEqualTo("Kommunstyrelsen");
        assertThat(dates(decision).get("decision")).isEqualTo(Fixtures.today().minusDays(40) + "T00:00:00");
        assertThat(text(child(child(decision, "action"), "actionType"))).isEqualTo("decision_outcome:ADOPTED");
        assertThat(text(child(decision, "title"))).contains("Kommunstyrelsen i Halmstads kommun antog");
        Element signature = records.stream()
                .filter(r -> r.getAttribute("recordType").equals("signature"))
                .findFirst()
                .orElseThrow();
        assertThat(child(child(signature, "agents"), "agent").getAttribute("agentType"))
                .isEqualTo("main_signatory");
        assertThat(dates(signature)).containsKey("main_signature");
    }

    /** PREMIS 3.0: every file's fixity as it is, and the verified chain with its head hash. */
    @Test
    void preservationMetadataRecordsFixityAndTheChainsHeadHash() throws Exception {
        Secretariat secretariat = new Secretariat(api);
        String id = Fixtures.archived(secretariat, "packagepremis");
        String headHash = secretariat
                .read("auditor", "/api/v1/agreements/" + id + "/verification")
                .json()
                .get("headHash")
                .asString();
        Map<String, byte[]> files = packageOf(secretariat, id);
        String root = "uuid-" + id + "/";
        Element premis = xml(files.get(root + "metadata/preservation/premis.xml"));
        assertThat(premis.getNamespaceURI()).isEqualTo(PREMIS);
        assertThat(premis.getAttribute("version")).isEqualTo("3.0");
        // objects, then events, then agents
        assertInOrder(names(premis), "object", "event", "agent");
        List<Element> objects = children(premis, "object");
        assertThat(objects.get(0).getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type"))
                .isEqualTo("intellectualEntity");
        List<Element> fileObjects = objects.subList(1, objects.size());
        assertThat(fileObjects).hasSize(6);
        for (Element object : fileObjects) {
            assertThat(object.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type"))
                    .isEqualTo("file");
            assertInOrder(names(object), "objectIdentifier", "objectCharacteristics", "originalName", "relationship");
            String path = text(child(child(object, "objectIdentifier"), "objectIdentifierValue"));
            Element characteristics = child(object, "objectCharacteristics");
            assertInOrder(names(characteristics), "compositionLevel", "fixity", "size", "format");
            Element fixity = child(characteristics, "fixity");
            assertThat(text(child(fixity, "messageDigestAlgorithm"))).isEqualTo("SHA-256");
            assertThat(text(child(fixity, "messageDigest"))).as(path).isEqualTo(sha256(files.get(root + path)));
            assertThat(Long.parseLong(text(child(characteristics, "size")))).isEqualTo(files.get(root + path).length);
            assertThat(text(child(child(child(characteristics, "format"), "formatDesignation"), "formatName")))
                    .isNotBlank();
        }
        Element check = children(premis, "event").stream()
                .filter(e -> text(child(e, "eventType")).equals("fixity check"))
                .findFirst()
                .orElseThrow();
        assertInOrder(
                names(check),
                "eventIdentifier",
                "eventType",
                "eventDateTime",
                "eventDetailInformation",
                "eventOutcomeInformation",
                "linkingAgentIdentifier",
                "linkingObjectIdentifier");
        Element outcome = child(check, "eventOutcomeInformation");
        assertThat(text(child(outcome, "eventOutcome"))).isEqualTo("success");
        assertThat(text(child(child(outcome, "eventOutcomeDetail"), "eventOutcomeDetailNote")))
                .contains("headHash=" + headHash);
        Element agent = child(premis, "agent");
        assertThat(text(child(agent, "agentType"))).isEqualTo("software");
    }

    @Test
    void anAgreementNotArchivedIsRefusedToAuditorsAndAMarkedPreliminaryExtractForOperators() throws Exception {
        Secretariat secretariat = new Secretariat(api);
        String id = Fixtures.inForce(secretariat, "packagepreliminary");
        String path = "/api/v1/agreements/" + id + "/archive-package";

        Api.Answer refused = secretariat.reader("auditor").get(path);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("errorCode").asString()).isEqualTo("AGREEMENT_NOT_ARCHIVED");

        Api.Download extract = secretariat.reader("operator").download(path);
        assertThat(extract.status()).as(extract.toString()).isEqualTo(200);
        assertThat(extract.header("Coop-Preliminary-Extract")).isEqualTo("true");
        assertThat(extract.header("Content-Disposition")).contains("-preliminary.zip");
        Map<String, byte[]> files = unzip(extract.bytes());
        Element mets = xml(files.get("uuid-" + id + "/METS.xml"));
        assertThat(mets.getAttribute("LABEL")).startsWith("Preliminärt uttag, ej arkiverat: ");
        assertThat(child(mets, "metsHdr").getAttribute("RECORDSTATUS")).isEqualTo("TEST");
        // issue 28, finding 12: the software's version was the constant 1.0; it is the build's (the root pom's)
        String built = java.util.regex.Pattern.compile(
                        "</parent>\\s*<groupId>[^<]*</groupId>\\s*<artifactId>[^<]*</artifactId>"
                                + "\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("../pom.xml")))
                .results()
                .findFirst()
                .orElseThrow()
                .group(1);
        assertThat(new String(files.get("uuid-" + id + "/METS.xml"), StandardCharsets.UTF_8))
                .contains("csip:NOTETYPE=\"SOFTWARE VERSION\">" + built + "<");
        assertThat(new String(files.get("uuid-" + id + "/metadata/preservation/premis.xml"), StandardCharsets.UTF_8))
                .contains("Preliminary extract: the agreement is IN_FORCE, not archived");
        Path file = temp.resolve("preliminary.zip");
        Files.write(file, extract.bytes());
        assertThat(SipValidation.failures(file).stream().filter(f -> f.level().equals("MUST")))
                .isEmpty();

        assertThat(api.as("secretariat").get(path).status()).isEqualTo(403);
        assertThat(api.as("reviewer").get(path).status()).isEqualTo(403);
        Api.Answer unknown =
                api.as("operator").get("/api/v1/agreements/00000000-0000-4000-8000-000000000000/archive-package");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void anOperatorExportsEveryArchivedAgreementAndSeesTheProgressAndEachPackagesSha256() throws Exception {
        Secretariat secretariat = new Secretariat(api);
        String archived = Fixtures.archived(secretariat, "packageexport");
        String inForce = Fixtures.inForce(secretariat, "packageexport");
        secretariat.read("operator", "/api/v1/admin/projections");

        assertThat(api.as("auditor").post("/api/v1/admin/archive-exports", "").status())
                .isEqualTo(403);
        Api.Answer started = api.as("operator").post("/api/v1/admin/archive-exports", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String location = started.header("Location");
        assertThat(location).startsWith("/api/v1/admin/archive-exports/");
        assertThat(started.json().get("total").asInt()).isPositive();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(api.as("operator")
                                .get(location)
                                .json()
                                .get("state")
                                .asString())
                        .isEqualTo("DONE"));
        JsonNode done = api.as("operator").get(location).json();
        assertThat(done.get("done").asInt()).isEqualTo(done.get("total").asInt());
        assertThat(done.get("packages")).hasSize(done.get("total").asInt());
        List<String> agreements = new ArrayList<>();
        Path directory = Path.of(done.get("directory").asString());
        for (JsonNode p : done.get("packages")) {
            agreements.add(p.get("agreementId").asString());
            byte[] bytes = Files.readAllBytes(directory.resolve(p.get("file").asString()));
            assertThat(sha256(bytes)).isEqualTo(p.get("sha256").asString());
            assertThat((long) bytes.length).isEqualTo(p.get("size").asLong());
        }
        assertThat(agreements).contains(archived).doesNotContain(inForce);
        assertThat(done.get("removedAt").isNull()).isTrue();

        // issue 28, finding 8: finished exports stayed on disk for ever. Kept coop.archive.keep-exports (7 days by
        // default) after they finished, then their files go and the record stays, saying when
        exports.removeExpired();
        assertThat(directory).isDirectory();
        jdbc.update(
                "UPDATE archive_export SET finished_at = finished_at - interval '8 days' WHERE export_id = ?::uuid",
                location.substring(location.lastIndexOf('/') + 1));
        assertThat(exports.removeExpired()).isPositive();
        assertThat(directory).doesNotExist();
        JsonNode removed = api.as("operator").get(location).json();
        assertThat(removed.get("state").asString()).isEqualTo("DONE");
        assertThat(removed.get("packages")).hasSize(done.get("total").asInt());
        assertThat(removed.get("removedAt").asString()).isNotBlank();
        exports.removeExpired();
        assertThat(api.as("operator").get(location).json().get("removedAt")).isEqualTo(removed.get("removedAt"));

        Api.Answer unknown = api.as("operator").get("/api/v1/admin/archive-exports/not-an-export");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("errorCode").asString()).isEqualTo("EXPORT_NOT_FOUND");
    }

    @Test
    void oneExportRunsAtATimeAndARefusedStartRecordsNothing() {
        long before = jdbc.queryForObject("SELECT count(*) FROM archive_export", Long.class);
        Api.Answer xml =
                api.as("operator").header("Accept", "application/xml").post("/api/v1/admin/archive-exports", "");
        assertThat(xml.status()).isEqualTo(406);
        Api.Answer body = api.as("operator").post("/api/v1/admin/archive-exports", "{\"notAField\": 1}");
        assertThat(body.status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM archive_export", Long.class))
                .isEqualTo(before);

        // another node's export, running now
        java.util.UUID running = java.util.UUID.randomUUID();
        java.sql.Timestamp now = java.sql.Timestamp.from(se.coop.app.support.TestClock.INSTANCE.instant());
        jdbc.update(
                "INSERT INTO archive_export (export_id, requested_by, directory, state, total, started_at, updated_at)"
                        + " VALUES (?, 'operator', '/elsewhere', 'RUNNING', 3, ?, ?)",
                running,
                now,
                now);
        try {
            Api.Answer refused = api.as("operator").post("/api/v1/admin/archive-exports", "");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("errorCode").asString()).isEqualTo("EXPORT_RUNNING");
            assertThat(refused.json().get("detail").asString()).contains(running.toString());

            // its node stopped: once nothing moved for five minutes it is interrupted, and a new export starts
            jdbc.update(
                    "UPDATE archive_export SET updated_at = ? WHERE export_id = ?",
                    java.sql.Timestamp.from(now.toInstant().minus(Duration.ofMinutes(6))),
                    running);
            assertThat(api.as("operator")
                            .get("/api/v1/admin/archive-exports/" + running)
                            .json()
                            .get("state")
                            .asString())
                    .isEqualTo("INTERRUPTED");
            Api.Answer started = api.as("operator").post("/api/v1/admin/archive-exports", "");
            assertThat(started.status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(api.as("operator")
                                    .get(started.header("Location"))
                                    .json()
                                    .get("state")
                                    .asString())
                            .isEqualTo("DONE"));
        } finally {
            jdbc.update("DELETE FROM archive_export WHERE export_id = ?", running);
        }
    }

    @Test
    void aPackageIsAZipOrA406() {
        Secretariat secretariat = new Secretariat(api);
        String id = Fixtures.archived(secretariat, "packageaccept");
        Api.Answer json = secretariat
                .reader("auditor")
                .header("Accept", "application/json")
                .get("/api/v1/agreements/" + id + "/archive-package");
        assertThat(json.status()).isEqualTo(406);
        assertThat(json.header("Content-Type")).startsWith("application/problem+json");
    }

    // --- reading packages

    /** The order of an ERMS 2.1.2 aggregation's children (the ones Coop writes among them). */
    static final String[] AGGREGATION_ORDER = {
        "objectId", "extraId", "title", "otherTitle", "status", "agents", "dates", "record"
    };

    static final String[] RECORD_ORDER = {"objectId", "extraId", "title", "agents", "dates", "action"};

    /** xs:dateTime, as ERMS wants every date. */
    static final String DATE_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?";

    /** Each file and mdRef of a METS: its checksum and size those of the file it points at. */
    private static void checkListed(Map<String, byte[]> files, String base, Element mets, List<String> listed) {
        List<Element> entries = new ArrayList<>();
        entries.addAll(all(mets, METS, "file"));
        entries.addAll(all(mets, METS, "mdRef"));
        assertThat(entries).isNotEmpty();
        for (Element entry : entries) {
            String href = entry.getLocalName().equals("file")
                    ? ((Element) entry.getElementsByTagNameNS(METS, "FLocat").item(0)).getAttributeNS(XLINK, "href")
                    : entry.getAttributeNS(XLINK, "href");
            byte[] bytes = files.get(base + href);
            assertThat(bytes).as(base + href).isNotNull();
            assertThat(entry.getAttribute("CHECKSUMTYPE")).isEqualTo("SHA-256");
            assertThat(entry.getAttribute("CHECKSUM")).as(href).isEqualTo(sha256(bytes));
            assertThat(Long.parseLong(entry.getAttribute("SIZE"))).as(href).isEqualTo(bytes.length);
            listed.add(base + href);
        }
    }

    /** An auditor's download of the agreement's package, unzipped: path → bytes. */
    private static Map<String, byte[]> packageOf(Secretariat secretariat, String id) throws IOException {
        return unzip(secretariat
                .reader("auditor")
                .download("/api/v1/agreements/" + id + "/archive-package")
                .bytes());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static Element xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        return document.getDocumentElement();
    }

    private static List<Element> all(Element root, String namespace, String name) {
        NodeList nodes = root.getElementsByTagNameNS(namespace, name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static List<Element> children(Element parent, String name) {
        return elements(parent).stream()
                .filter(e -> e.getLocalName().equals(name))
                .toList();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as(parent.getLocalName() + "/" + name).isNotEmpty();
        return found.get(0);
    }

    private static List<Element> elements(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static List<String> names(Element parent) {
        return elements(parent).stream().map(Element::getLocalName).toList();
    }

    private static String text(Element element) {
        return element.getTextContent();
    }

    /** dateType → value of an ERMS element's dates, each an xs:dateTime. */
    private static Map<String, String> dates(Element parent) {
        Map<String, String> dates = new LinkedHashMap<>();
        for (Element date : children(child(parent, "dates"), "date")) {
            assertThat(text(date)).matches(DATE_TIME);
            dates.put(date.getAttribute("dateType"), text(date));
        }
        return dates;
    }

    /** Every name is one of {@code order}, and they come in that order (repeats allowed). */
    private static void assertInOrder(List<String> names, String... order) {
        List<String> allowed = List.of(order);
        int last = -1;
        for (String name : names) {
            int at = allowed.indexOf(name);
            assertThat(at).as(name + " in " + names + ", order " + allowed).isGreaterThanOrEqualTo(last);
            last = at;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
