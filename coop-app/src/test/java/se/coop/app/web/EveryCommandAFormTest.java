package se.coop.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.coop.api.BusinessTime;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.SampleFiles;
import se.coop.app.support.Secretariat;
import se.coop.app.support.TestClock;

/**
 * Every command the API has is a form on the agreement's page, for whoever may send it, in the states it is taken in
 * (issue 27, item 1) — revise, remove a party, abandon, appeal, a meeting held but never planned, amend, link,
 * notice, terminate, archive — and those that cannot be undone are shown back with their consequence in words and
 * written only once confirmed (item 4). Sent as the page's own forms post them, without the browser.
 */
class EveryCommandAFormTest extends IntegrationTest {

    private PageSession clerk;

    private static final DateTimeFormatter SWEDISH =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("sv"));

    @Test
    void anAgreementGoesFromDraftToArchiveThroughThePagesForms() {
        Secretariat secretariat = new Secretariat(api);
        Map<String, Object> draft = new LinkedHashMap<>(Bodies.halmstadDraft());
        draft.put("parties", ((List<?>) draft.get("parties")).subList(0, 4));
        String id = secretariat.draft(draft);
        String page = "/agreements/" + id;
        // the page waits only after its own forms: the draft is read back first, as the read models have it
        secretariat.read("secretariat", "/api/v1/agreements/" + id);
        clerk = new PageSession(port).signIn("secretariat");

        // a draft: submit, revise, remove a party and abandon — and nothing of an agreement in force
        String shown = clerk.get(page).body();
        assertThat(forms(shown)).containsExactly("submit", "revise", "remove", "abandon", "link", "document");
        // what it waits for, each a link to the form that records it
        assertThat(shown).contains("<a href=\"#form-submit\">Lämna utkastet för antagande.</a>");

        // revised: a corrected title and a new text version, its file uploaded with the form
        byte[] text = SampleFiles.pdfA("Avsiktsförklaring, version 2 " + id);
        HttpResponse<String> revised = clerk.postWithFile(
                page + "/revise",
                clerk.formOf(
                        shown,
                        Map.of(
                                "text.title", "Avsiktsförklaring, version 2",
                                "title.sv", "Avsiktsförklaring om hållbar tillväxt runt Halmstad",
                                "term.untilFurtherNotice", "true",
                                "term.noticePeriodMonths", "6",
                                "note", "rättad titel")),
                "text.file",
                "avsiktsforklaring-2.pdf",
                text);
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(302);
        assertThat(read(secretariat, id).get("title").get("sv").asString())
                .isEqualTo("Avsiktsförklaring om hållbar tillväxt runt Halmstad");
        String textSha = SampleFiles.sha256(text);
        assertThat(read(secretariat, id).get("textSha256").asString()).isEqualTo(textSha);

        // a party removed: first what it does, and nothing written; "change" goes back to the form as typed
        shown = clerk.get(page).body();
        long version = version(secretariat, id);
        Map<String, String> removal = clerk.formOf(shown, Map.of("partyId", "ljungby", "reason", "avstår"));
        HttpResponse<String> asked = clerk.post(page + "/remove-party", removal);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(text(asked.body()))
                .contains("Bekräfta: Ta bort en part", "Ljungby kommun tas bort ur avtalet innan det träder i kraft.")
                .contains("Avtalet fortsätter med Halmstads kommun, Laholms kommun, Hylte kommun.");
        assertThat(version(secretariat, id)).isEqualTo(version);
        Map<String, String> change = new LinkedHashMap<>(removal);
        change.put("confirmed", "no");
        HttpResponse<String> back = clerk.post(page + "/remove-party", change);
        assertThat(back.body()).contains("id=\"form-remove\"").contains("value=\"avstår\"");
        assertThat(version(secretariat, id)).isEqualTo(version);
        Map<String, String> confirmed = new LinkedHashMap<>(removal);
        confirmed.put("confirmed", "yes");
        assertThat(clerk.post(page + "/remove-party", confirmed).statusCode()).isEqualTo(302);
        assertThat(participation(secretariat, id, "ljungby")).isEqualTo("REMOVED");

        // submitted, and approved by the three parties left
        shown = clerk.get(page).body();
        HttpResponse<String> submitted = clerk.post(page + "/submit", clerk.formOf(shown, Map.of()));
        assertThat(submitted.statusCode()).isEqualTo(302);
        // the page the form leads back to, which waits for what the form wrote
        assertThat(text(clerk.get(submitted
                                .headers()
                                .firstValue("Location")
                                .orElseThrow()
                                .replaceFirst("^https?://[^/]+", ""))
                        .body()))
                .contains("Laholms kommun: beslut av Kommunstyrelsen saknas.", "Hylte kommun: underskrift saknas.");
        LocalDate approvedOn = BusinessTime.today(TestClock.INSTANCE).minusDays(40);
        String halmstadsDecision = null;
        for (String party : List.of("halmstad", "laholm", "hylte")) {
            secretariat.sign(id, party, textSha, approvedOn.toString());
            Map<String, Object> adoption = new LinkedHashMap<>(Bodies.adoption(party, textSha, approvedOn.toString()));
            adoption.put("minutesPostedOn", approvedOn.toString());
            String decision = secretariat
                    .command("/api/v1/agreements/" + id + "/board-decisions", adoption)
                    .json()
                    .get("id")
                    .asString();
            if (party.equals("halmstad")) {
                halmstadsDecision = decision;
            }
        }
        assertThat(read(secretariat, id).get("state").asString()).isEqualTo("IN_FORCE");

        // in force: no drafting forms, the forms of an agreement in force
        shown = clerk.get(page).body();
        assertThat(text(shown))
                .as("the review to plan; the appeal windows closed long ago")
                .contains("Ingen uppföljning är planerad; nästa ska hållas senast")
                .doesNotContain("beslutet kan överklagas till");
        assertThat(forms(shown))
                .containsExactly("appeal", "review", "held", "amend", "link", "document", "notice", "terminate");

        // an appeal against Halmstad's decision, dismissed
        HttpResponse<String> appealed = clerk.post(
                page + "/appeal",
                clerk.formOf(
                        shown,
                        Map.of(
                                "decisionId", halmstadsDecision,
                                "outcome", "LODGED",
                                "on", approvedOn.plusDays(10).toString(),
                                "court", "Förvaltningsrätten i Göteborg",
                                "caseNumber", "1234-26")));
        assertThat(appealed.statusCode()).as(text(appealed.body())).isEqualTo(302);
        assertThat(participationOf(secretariat, id, "halmstad").get("appeal").asString())
                .isEqualTo("LODGED");

        // a meeting held in the past, never planned in Coop
        shown = clerk.get(page).body();
        HttpResponse<String> held = clerk.post(
                page + "/reviews/held",
                clerk.formOf(
                        shown,
                        Map.of(
                                "kind", "ANNUAL_REVIEW",
                                "heldOn", approvedOn.plusDays(20).toString(),
                                "location", "Stadshuset, Halmstad",
                                "reviewers", "Anna Ek; anna.ek@halmstad.example.org; halmstad",
                                "outcome.summary", "Samverkan fortsätter.",
                                "outcome.decision", "CONTINUE")));
        assertThat(held.statusCode()).as(text(held.body())).isEqualTo(302);
        assertThat(read(secretariat, id).get("lastReviewHeldOn").asString())
                .isEqualTo(approvedOn.plusDays(20).toString());

        // an amendment proposed, and a link to another cooperation
        shown = clerk.get(page).body();
        String amended = "b".repeat(64);
        assertThat(clerk.post(
                                page + "/amend",
                                clerk.formOf(
                                        shown,
                                        Map.of(
                                                "text.sha256", amended,
                                                "text.title", "Avsiktsförklaring, ändrad",
                                                "summary", "Nytt fokusområde")))
                        .statusCode())
                .isEqualTo(302);
        assertThat(read(secretariat, id)
                        .get("pendingAmendment")
                        .get("textSha256")
                        .asString())
                .isEqualTo(amended);
        shown = clerk.get(page).body();
        assertThat(clerk.post(
                                page + "/link",
                                clerk.formOf(
                                        shown,
                                        Map.of("type", "PART_OF", "otherTitle", "Region Hallands tillväxtstrategi")))
                        .statusCode())
                .isEqualTo(302);
        assertThat(read(secretariat, id).get("links").get(0).get("otherTitle").asString())
                .isEqualTo("Region Hallands tillväxtstrategi");

        // Laholm gives notice: it leaves when six months have passed, and the agreement goes on for the others
        LocalDate today = BusinessTime.today(TestClock.INSTANCE);
        shown = clerk.get(page).body();
        // no party chosen: the form's problem at once, no confirmation of something that cannot be
        HttpResponse<String> nobody =
                clerk.post(page + "/notice", clerk.formOf(shown, Map.of("givenOn", today.toString())));
        assertThat(nobody.statusCode()).isEqualTo(400);
        assertThat(nobody.body())
                .contains("id=\"error-summary\"", "href=\"#notice-partyId\"")
                .doesNotContain("Bekräfta:");
        Map<String, String> notice = clerk.formOf(shown, Map.of("partyId", "laholm", "givenOn", today.toString()));
        version = version(secretariat, id);
        asked = clerk.post(page + "/notice", notice);
        assertThat(text(asked.body()))
                .contains("Laholms kommun lämnar avtalet den "
                        + today.plusMonths(6).format(SWEDISH) + ", när uppsägningstiden på 6 månader har gått.")
                .contains("Avtalet gäller vidare för Halmstads kommun, Hylte kommun.");
        assertThat(version(secretariat, id)).isEqualTo(version);
        confirmed = new LinkedHashMap<>(notice);
        confirmed.put("confirmed", "yes");
        assertThat(clerk.post(page + "/notice", confirmed).statusCode()).isEqualTo(302);
        assertThat(participation(secretariat, id, "laholm")).isEqualTo("LEAVING");

        // Hylte gives notice a month later: two parties leaving of three, the agreement ends when the last leaves
        shown = clerk.get(page).body();
        notice = clerk.formOf(shown, Map.of("partyId", "hylte", "givenOn", today.toString()));
        asked = clerk.post(page + "/notice", notice);
        assertThat(text(asked.body()))
                .contains("Avtalet upphör " + today.plusMonths(6).format(SWEDISH)
                        + " för alla parter: då återstår färre än två parter.");
        assertThat(participation(secretariat, id, "hylte")).isEqualTo("ACTIVE");

        // terminated from today, for all, once confirmed
        Map<String, String> termination =
                clerk.formOf(shown, Map.of("effectiveOn", today.toString(), "reason", "Samverkan avslutas."));
        asked = clerk.post(page + "/terminate", termination);
        assertThat(text(asked.body()))
                .contains("Avtalet upphör " + today.format(SWEDISH)
                        + " för alla parter: Halmstads kommun, Laholms kommun, Hylte kommun.");
        confirmed = new LinkedHashMap<>(termination);
        confirmed.put("confirmed", "yes");
        HttpResponse<String> terminated = clerk.post(page + "/terminate", confirmed);
        assertThat(terminated.statusCode()).as(text(terminated.body())).isEqualTo(302);
        assertThat(read(secretariat, id).get("state").asString()).isEqualTo("TERMINATED");

        // archived, once confirmed; then no form at all
        shown = clerk.get(page).body();
        assertThat(forms(shown)).contains("held", "archive");
        Map<String, String> archival = clerk.formOf(shown, Map.of());
        asked = clerk.post(page + "/archive", archival);
        assertThat(text(asked.body())).contains("Avtalet arkiveras och kan därefter bara läsas");
        confirmed = new LinkedHashMap<>(archival);
        confirmed.put("confirmed", "yes");
        assertThat(clerk.post(page + "/archive", confirmed).statusCode()).isEqualTo(302);
        assertThat(read(secretariat, id).get("state").asString()).isEqualTo("ARCHIVED");
        assertThat(forms(clerk.get(page).body())).isEmpty();
    }

    @Test
    void aDraftIsAbandonedOnlyOnceConfirmedAndAFormRefusedBeforeItsConfirmationNamesItsField() {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        read(secretariat, id);
        String page = "/agreements/" + id;
        clerk = new PageSession(port).signIn("secretariat");
        String shown = clerk.get(page).body();

        // two parties: none can be removed (rule 1), so no removal is offered
        assertThat(forms(shown)).doesNotContain("remove").contains("abandon");

        // a form refused in Danish says why in Danish, not in the validator's words nor the API's English
        HttpResponse<String> danish = clerk.post(page + "/decide?lang=da", clerk.formOf(shown, Map.of()));
        assertThat(danish.statusCode()).isEqualTo(400);
        assertThat(text(danish.body()))
                .contains("blev ikke sendt", "Besluttende organ : skal udfyldes", "Beslutningsdato : skal udfyldes")
                .doesNotContain("må ikke være", "must not be");
        clerk.get(page + "?lang=sv");

        // no reason: refused at once, on the agreement's page, not on a confirmation
        HttpResponse<String> refused = clerk.post(page + "/abandon", clerk.formOf(shown, Map.of()));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"form-abandon\"").doesNotContain("Bekräfta:");

        Map<String, String> abandonment = clerk.formOf(shown, Map.of("reason", "Parterna går vidare var för sig."));
        assertThat(text(clerk.post(page + "/abandon", abandonment).body()))
                .contains("Utkastet läggs ned: ingen part kan längre godkänna det, och det träder aldrig i kraft.");
        assertThat(read(secretariat, id).get("state").asString()).isEqualTo("DRAFT");
        Map<String, String> confirmed = new LinkedHashMap<>(abandonment);
        confirmed.put("confirmed", "yes");
        assertThat(clerk.post(page + "/abandon", confirmed).statusCode()).isEqualTo(302);
        assertThat(read(secretariat, id).get("state").asString()).isEqualTo("ABANDONED");
    }

    @Test
    void aSeedFitsTheDraftFormAPartyThatOnlySignsLegalForceFocusAreasRemindersAndRowsAsNeeded() {
        clerk = new PageSession(port).signIn("secretariat");
        String shown = clerk.get("/agreements/new").body();
        assertThat(shown).contains("name=\"parties[1].name\"").doesNotContain("name=\"parties[2].name\"");
        Map<String, String> form = new LinkedHashMap<>(clerk.formOf(
                shown,
                Map.of(
                        "title.sv", "HH Cityclub",
                        "title.da", "HH Cityclub",
                        "kind", "COOPERATION_AGREEMENT",
                        "binding", "true",
                        "term.untilFurtherNotice", "true",
                        "term.noticePeriodMonths", "6",
                        "term.waitForLegalForce", "true",
                        "reminderOffsetsDays", "30, 7",
                        "focusAreas", "pendling; Pendling; Pendling; Commuting\nturism; Turism")));
        String[][] parties = {
            {"helsingborg", "Helsingborgs stad", "MUNICIPALITY", "SE", "Kommunstyrelsen", "SIGNATURE,BOARD_ADOPTION"},
            {"helsingor", "Helsingør Kommune", "MUNICIPALITY", "DK", "Byrådet", "SIGNATURE,BOARD_ADOPTION"},
            {"scandlines", "Scandlines", "COMPANY", "DK", "Direktionen", "SIGNATURE"}
        };
        form.put("rows", "2");
        for (int i = 0; i < parties.length; i++) {
            String row = "parties[" + i + "].";
            form.put(row + "partyId", parties[i][0]);
            form.put(row + "name", parties[i][1]);
            form.put(row + "kind", parties[i][2]);
            form.put(row + "country", parties[i][3]);
            form.put(row + "adoptingBody", parties[i][4]);
            form.put(row + "requires", parties[i][5]);
        }
        form.put("parties[0].lead", "true");
        // a third row asked for: the form again, as typed, with one more row; nothing is written
        Map<String, String> more = new LinkedHashMap<>(form);
        more.put("addParty", "1");
        HttpResponse<String> grown = clerk.post("/agreements/new", more);
        assertThat(grown.statusCode()).isEqualTo(200);
        assertThat(grown.body())
                .contains("name=\"parties[2].name\"")
                .contains("value=\"Helsingør Kommune\"")
                .contains("name=\"rows\" value=\"3\"");
        form.put("rows", "3");
        byte[] text = SampleFiles.pdfA("HH Cityclub " + System.nanoTime());
        HttpResponse<String> drafted =
                clerk.postWithFile("/agreements/new", form, "text.file", "hh-cityclub.pdf", text);
        assertThat(drafted.statusCode()).as(text(drafted.body())).isEqualTo(302);
        String id = drafted.headers().firstValue("Location").orElseThrow().replaceAll(".*/agreements/([^?#]+).*", "$1");
        var agreement = read(new Secretariat(api), id);
        assertThat(agreement.get("term").get("waitForLegalForce").asBoolean()).isTrue();
        assertThat(agreement.get("reminderOffsetsDays").toString()).isEqualTo("[30,7]");
        assertThat(agreement.get("focusAreas").get(0).get("title").get("en").asString())
                .isEqualTo("Commuting");
        assertThat(agreement.get("focusAreas").get(1).get("code").asString()).isEqualTo("turism");
        assertThat(participationOf(new Secretariat(api), id, "scandlines")
                        .get("requires")
                        .toString())
                .isEqualTo("[\"SIGNATURE\"]");
        assertThat(participationOf(new Secretariat(api), id, "helsingor")
                        .get("requires")
                        .toString())
                .isEqualTo("[\"SIGNATURE\",\"BOARD_ADOPTION\"]");
    }

    @Test
    void removingTheOnePartyThatHadNotApprovedSaysTheAgreementThenEntersIntoForce() {
        // found on the walk: the confirmation said who stays, not that the removal completes the approvals
        Secretariat secretariat = new Secretariat(api);
        Map<String, Object> draft = new LinkedHashMap<>(Bodies.halmstadDraft());
        draft.put("parties", ((List<?>) draft.get("parties")).subList(0, 3));
        String id = secretariat.draft(draft);
        secretariat.submit(id);
        String sha = read(secretariat, id).get("textSha256").asString();
        String on = BusinessTime.today(TestClock.INSTANCE).minusDays(30).toString();
        for (String party : List.of("halmstad", "laholm")) {
            secretariat.sign(id, party, sha, on);
            secretariat.adopt(id, party, sha, on);
        }
        String page = "/agreements/" + id;
        clerk = new PageSession(port).signIn("secretariat");
        Map<String, String> removal = clerk.formOf(
                clerk.get(pageAfter(secretariat, id)).body(), Map.of("partyId", "hylte", "reason", "avstår"));
        assertThat(text(clerk.post(page + "/remove-party", removal).body()))
                .contains("Avtalet fortsätter med Halmstads kommun, Laholms kommun.")
                .contains(
                        "Alla övriga parter har redan godkänt avtalet: det träder i kraft när parten har tagits bort.");
        Map<String, String> confirmed = new LinkedHashMap<>(removal);
        confirmed.put("confirmed", "yes");
        assertThat(clerk.post(page + "/remove-party", confirmed).statusCode()).isEqualTo(302);
        assertThat(read(secretariat, id).get("state").asString()).isEqualTo("IN_FORCE");
    }

    @Test
    void aDecidedTerminationIsNotOfferedAgain() {
        // found on the walk: a termination decided for a later day still offered the form, which the API refused
        Secretariat secretariat = new Secretariat(api);
        LocalDate today = BusinessTime.today(TestClock.INSTANCE);
        String id = secretariat.inForce(Bodies.twoPartyDraft(), today.minusDays(30));
        String page = "/agreements/" + id;
        clerk = new PageSession(port).signIn("secretariat");
        assertThat(forms(clerk.get(pageAfter(secretariat, id)).body())).contains("terminate");
        secretariat.command(
                "/api/v1/agreements/" + id + "/termination",
                Map.of(
                        "reason",
                        "Samverkan avslutas.",
                        "effectiveOn",
                        today.plusMonths(3).toString()));
        assertThat(read(secretariat, id).get("terminationDecidedOn").asString())
                .isEqualTo(today.plusMonths(3).toString());
        assertThat(forms(clerk.get(page).body())).doesNotContain("terminate").contains("held");
    }

    @Test
    void aDateOutOfOrderIsExplainedInThePagesLanguage() {
        // found on the walk: a meeting dated before entry into force was refused with "check what was given here" only
        Secretariat secretariat = new Secretariat(api);
        LocalDate inForce = BusinessTime.today(TestClock.INSTANCE).minusDays(30);
        String id = secretariat.inForce(Bodies.twoPartyDraft(), inForce);
        String page = "/agreements/" + id;
        clerk = new PageSession(port).signIn("secretariat");
        String shown = clerk.get(pageAfter(secretariat, id)).body();
        Map<String, String> held = clerk.formOf(
                shown,
                Map.of(
                        "kind", "ANNUAL_REVIEW",
                        "heldOn", inForce.minusDays(5).toString(),
                        "location", "Stadshuset",
                        "outcome.summary", "Samverkan fortsätter.",
                        "outcome.decision", "CONTINUE"));
        HttpResponse<String> swedish = clerk.post(page + "/reviews/held", held);
        assertThat(swedish.statusCode()).isEqualTo(409);
        assertThat(text(swedish.body()))
                .contains(inForce.minusDays(5) + " ligger före den dag avtalet trädde i kraft (" + inForce + ")")
                .doesNotContain("lies outside");
        HttpResponse<String> danish = clerk.post(page + "/reviews/held?lang=da", held);
        assertThat(text(danish.body()))
                .contains(inForce.minusDays(5) + " ligger før den dag, aftalen trådte i kraft (" + inForce + ")");
        clerk.get(page + "?lang=sv");
    }

    @Test
    void aDecisionByAnotherBodyIsRecordedAndTheClerkIsToldAtOnceThatItDoesNotCount() {
        // found on an independent walk: "the decision is recorded", and only the history said, later, it did not count
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        secretariat.submit(id);
        String page = "/agreements/" + id;
        clerk = new PageSession(port).signIn("secretariat");
        String shown = clerk.get(pageAfter(secretariat, id)).body();
        assertThat(text(shown)).contains("Räknas som godkännande bara när det beslutande organet är partens eget:");
        String on = BusinessTime.today(TestClock.INSTANCE).minusDays(3).toString();
        String sha = read(secretariat, id).get("textSha256").asString();
        HttpResponse<String> decided = clerk.post(
                page + "/decide",
                clerk.formOf(
                        shown,
                        Map.of(
                                "partyId", "halmstad",
                                "textSha256", sha,
                                "body", "Kommunfullmäktige",
                                "decidedOn", on,
                                "caseNumber", "KF 2026/1",
                                "outcome", "ADOPTED")));
        assertThat(decided.statusCode()).as(text(decided.body())).isEqualTo(302);
        String after = clerk.get(
                        decided.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
                .body();
        assertThat(text(after))
                .contains(
                        "Obs: beslutet räknas inte som Halmstads kommuns antagande. Det är fattat av Kommunfullmäktige,"
                                + " men partens beslutande organ är Kommunstyrelsen.");
        // the decision of its own body: no such note
        HttpResponse<String> own = clerk.post(
                page + "/decide",
                clerk.formOf(
                        after,
                        Map.of(
                                "partyId", "laholm",
                                "textSha256", sha,
                                "body", "kommunstyrelsen ",
                                "decidedOn", on,
                                "caseNumber", "KS 2026/2",
                                "outcome", "ADOPTED")));
        String ownPage = clerk.get(
                        own.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
                .body();
        assertThat(text(ownPage)).doesNotContain("Obs: beslutet räknas inte");
    }

    @Test
    void aDraftWithSeveralProblemsNamesThemAllInOneSend() {
        // found on an independent walk: the draft form named its problems one send after another — the term (which the
        // API's JSON reading refuses), then the kind, then rule 1's lead
        clerk = new PageSession(port).signIn("secretariat");
        Map<String, String> form =
                new LinkedHashMap<>(clerk.formOf(clerk.get("/agreements/new").body(), Map.of()));
        form.put("rows", "2");
        form.put("title.sv", "Tre fel på en gång");
        form.put("term.startsOn", BusinessTime.today(TestClock.INSTANCE).toString());
        form.put("term.untilFurtherNotice", "false");
        String[][] parties = {{"halmstad", "Halmstads kommun", "SE"}, {"koge", "Køge Kommune", "DK"}};
        for (int i = 0; i < parties.length; i++) {
            String row = "parties[" + i + "].";
            form.put(row + "partyId", parties[i][0]);
            form.put(row + "name", parties[i][1]);
            form.put(row + "kind", "MUNICIPALITY");
            form.put(row + "country", parties[i][2]);
            form.put(row + "adoptingBody", "Kommunstyrelsen");
            form.put(row + "requires", "SIGNATURE,BOARD_ADOPTION");
        }
        HttpResponse<String> refused = clerk.post("/agreements/new", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(text(refused.body()))
                .contains("ett tidsbegränsat avtal behöver ett slutdatum")
                .contains("exakt en part ska vara sammankallande; 0 är markerade")
                .contains("Typ : måste fyllas i");
        // a draft with no party filled in: its rows' own problems, and no "party id 'null' given twice"
        Map<String, String> empty =
                new LinkedHashMap<>(clerk.formOf(clerk.get("/agreements/new").body(), Map.of()));
        empty.put("rows", "2");
        empty.put("title.sv", "Inga parter");
        empty.put("parties[0].requires", "SIGNATURE,BOARD_ADOPTION");
        empty.put("parties[1].requires", "SIGNATURE,BOARD_ADOPTION");
        assertThat(text(clerk.post("/agreements/new", empty).body())).doesNotContain("”null”");
    }

    @Test
    void aReaderWhoMayNotSendACommandSeesNoneOfTheForms() {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.inForce(
                Bodies.twoPartyDraft(), BusinessTime.today(TestClock.INSTANCE).minusDays(30));
        // in force on the page too, so that what it offers is what a reader of an agreement in force is offered
        assertThat(read(secretariat, id).get("state").asString()).isEqualTo("IN_FORCE");
        for (String user : List.of("auditor", "reviewer")) {
            String shown =
                    new PageSession(port).signIn(user).get("/agreements/" + id).body();
            assertThat(forms(shown)).as(user).isEmpty();
        }
    }

    /**
     * The agreement's page once its read models hold everything the secretariat wrote over the API (the page waits
     * only after its own forms), so that the version its forms carry is the current one.
     */
    private String pageAfter(Secretariat secretariat, String id) {
        read(secretariat, id);
        return "/agreements/" + id;
    }

    /** The agreement as the auditor reads it once everything written so far, by the API or a page's form, is read. */
    private tools.jackson.databind.JsonNode read(Secretariat secretariat, String id) {
        long position = Math.max(secretariat.position(), clerk == null ? 0 : clerk.position());
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> api.as("auditor")
                                .header("Coop-Min-Position", Long.toString(position))
                                .get("/api/v1/agreements/" + id),
                        answer -> answer.header("Coop-Stale") == null)
                .json();
    }

    private long version(Secretariat secretariat, String id) {
        return read(secretariat, id).get("version").asLong();
    }

    private tools.jackson.databind.JsonNode participationOf(Secretariat secretariat, String id, String party) {
        for (tools.jackson.databind.JsonNode p : read(secretariat, id).get("parties")) {
            if (p.get("partyId").asString().equals(party)) {
                return p;
            }
        }
        throw new AssertionError("no party " + party);
    }

    private String participation(Secretariat secretariat, String id, String party) {
        return participationOf(secretariat, id, party).get("participation").asString();
    }

    /** The command forms a page shows, by name, in the order shown (the auditor's date pickers are no command). */
    static List<String> forms(String html) {
        List<String> names = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("<form [^>]*id=\"form-([a-z]+)\"")
                .matcher(html);
        while (matcher.find()) {
            if (!matcher.group(1).equals("pickers")) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** A page's words, without its markup. */
    static String text(String html) {
        return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").replace("&#39;", "'");
    }
}
