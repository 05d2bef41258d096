package se.coop.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import se.coop.api.BusinessTime;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Secretariat;
import se.coop.app.support.TestClock;

/** The pages' links to the dossier, the archive package and the register as a table, followed with a session. */
class DownloadPagesTest extends IntegrationTest {

    @Test
    void anAuditorFollowsTheLinksToTheDossierAndTheArchivePackageOfAnArchivedAgreement() {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        secretariat.command("/api/v1/agreements/" + id + "/abandonment", Map.of("reason", "Inte aktuellt"));
        secretariat.command("/api/v1/agreements/" + id + "/archival", Map.of());
        secretariat.read("auditor", "/api/v1/agreements/" + id);

        PageSession auditor = new PageSession(port).signIn("auditor");
        String page = auditor.get("/agreements/" + id).body();
        String pdf = link(page, "Revisionsakt (PDF)");
        assertThat(pdf).isEqualTo("/agreements/" + id + "/dossier?format=pdf&amp;lang=sv");
        HttpResponse<String> dossier = auditor.get(pdf.replace("&amp;", "&"));
        assertThat(dossier.statusCode()).isEqualTo(200);
        assertThat(dossier.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(dossier.body()).startsWith("%PDF-");
        HttpResponse<String> json =
                auditor.get(link(page, "Revisionsakt (JSON)").replace("&amp;", "&"));
        assertThat(json.body()).contains("\"agreementId\":\"" + id + "\"", "\"payloadBytes\"");

        String archive = link(page, "Arkivpaket");
        HttpResponse<String> zip = auditor.get(archive);
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/zip");
        assertThat(zip.body()).startsWith("PK");
    }

    @Test
    void noDossierLinkForASecretariatAndNoPackageBeforeArchiving() {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        secretariat.read("auditor", "/api/v1/agreements/" + id);

        String forSecretariat = new PageSession(port)
                .signIn("secretariat")
                .get("/agreements/" + id)
                .body();
        assertThat(forSecretariat).doesNotContain("/dossier", "/archive-package");
        PageSession auditor = new PageSession(port).signIn("auditor");
        assertThat(auditor.get("/agreements/" + id).body())
                .contains("/dossier?format=pdf")
                .doesNotContain("/archive-package");
        HttpResponse<String> refused =
                new PageSession(port).signIn("secretariat").get("/agreements/" + id + "/dossier");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        HttpResponse<String> notArchived = auditor.get("/agreements/" + id + "/archive-package");
        assertThat(notArchived.statusCode()).isEqualTo(409);
        assertThat(notArchived.body()).contains("inte arkiverat");
    }

    @Test
    void theRegistersDownloadLinksKeepItsFilter() {
        Secretariat secretariat = new Secretariat(api);
        Map<String, Object> draft = new java.util.LinkedHashMap<>(Bodies.twoPartyDraft());
        draft.put("title", Map.of("sv", "Nedladdningsprov " + BusinessTime.today(TestClock.INSTANCE)));
        String id = secretariat.draft(draft);
        secretariat.read("secretariat", "/api/v1/agreements/" + id);

        PageSession reader = new PageSession(port).signIn("secretariat");
        String page = reader.get("/?q=Nedladdningsprov").body();
        String csv = link(page, "Hämta CSV").replace("&amp;", "&");
        assertThat(csv).startsWith("/export?format=csv").contains("q=Nedladdningsprov", "delimiter=semicolon");
        HttpResponse<String> table = reader.get(csv);
        assertThat(table.statusCode()).isEqualTo(200);
        assertThat(table.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        // a person's download: headers and codes in the words of the page
        assertThat(table.body())
                .startsWith("\uFEFFId;Titel (svenska);")
                .contains(id + ";Nedladdningsprov")
                .contains(";Avsiktsförklaring;Utkast;")
                .doesNotContain("LETTER_OF_INTENT", "DRAFT");
        String xlsx = link(page, "Hämta Excel").replace("&amp;", "&");
        assertThat(xlsx).contains("format=xlsx", "q=Nedladdningsprov", "lang=sv");
        assertThat(reader.get(xlsx).headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/vnd.openxmlformats");

        String english = reader.get("/?q=Nedladdningsprov&lang=en").body();
        HttpResponse<String> commas = reader.get(link(english, "Download CSV").replace("&amp;", "&"));
        assertThat(commas.statusCode()).isEqualTo(200);
        assertThat(commas.body()).startsWith("\uFEFFId,Title (Swedish),").contains(",Letter of intent,Draft,");
    }

    private static String link(String page, String text) {
        Matcher link = Pattern.compile("<a href=\"([^\"]+)\"[^>]*>" + Pattern.quote(text) + "</a>")
                .matcher(page);
        assertThat(link.find()).as("a link '" + text + "'").isTrue();
        return link.group(1);
    }
}
