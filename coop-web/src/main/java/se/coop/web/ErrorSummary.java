package se.coop.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Every problem of a refused form at once, as the GOV.UK error summary shows them: each named by its field's label in
 * the page's language and linked to the field — never by the API's JSON path. The labels are the ones the form shows
 * beside its inputs (the same message keys); a field some form names otherwise has its own entry under that form.
 */
@Component("errorSummary")
public class ErrorSummary {

    /** One problem: where its field is on the page, the field's label and the reason. */
    public record Item(String href, String label, String reason) {}

    private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)]\\.(.+)");

    /** Each field's label key, by the JSON path of the request; a form that names it otherwise as "form:path". */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("partyId", "form.party"),
            Map.entry("textSha256", "form.textVersion"),
            Map.entry("body", "form.body"),
            Map.entry("decidedOn", "form.decidedOn"),
            Map.entry("caseNumber", "form.caseNumber"),
            Map.entry("appeal:caseNumber", "form.courtCaseNumber"),
            Map.entry("paragraph", "form.paragraph"),
            Map.entry("outcome", "form.outcome"),
            Map.entry("appeal:outcome", "form.appealOutcome"),
            Map.entry("dissents", "form.dissents"),
            Map.entry("minutesPostedOn", "form.minutesPostedOn"),
            Map.entry("decide:document.file", "form.decide.document"),
            Map.entry("sign:document.file", "form.sign.document"),
            Map.entry("document.file", "form.outcome.document"),
            Map.entry("document.kind", "form.documentKind"),
            Map.entry("signatory.name", "form.signatoryName"),
            Map.entry("signatory.title", "form.signatoryTitle"),
            Map.entry("signedOn", "form.signedOn"),
            Map.entry("place", "form.place"),
            Map.entry("kind", "form.reviewKind"),
            Map.entry("document:kind", "form.documentKind"),
            Map.entry("draft:kind", "draft.kind"),
            Map.entry("title", "form.meetingTitle"),
            Map.entry("document:title", "form.documentTitle.optional"),
            Map.entry("startsAt", "form.startsAt"),
            Map.entry("location", "form.location"),
            Map.entry("reviewers", "form.reviewers"),
            Map.entry("held:reviewers", "form.held.reviewers"),
            Map.entry("reason", "form.reason"),
            Map.entry("terminate:reason", "form.terminate.reason"),
            Map.entry("heldOn", "form.heldOn"),
            Map.entry("summary", "form.summary"),
            Map.entry("amend:summary", "form.amend.summary"),
            Map.entry("decision", "form.decision"),
            Map.entry("outcome.summary", "form.summary"),
            Map.entry("outcome.decision", "form.decision"),
            Map.entry("givenOn", "form.givenOn"),
            Map.entry("file", "form.document.file"),
            Map.entry("uri", "form.uri"),
            Map.entry("text.file", "draft.textFile"),
            Map.entry("revise:text.file", "form.revise.text"),
            Map.entry("amend:text.file", "form.amend.text"),
            Map.entry("text.title", "draft.textTitle.optional"),
            Map.entry("text.uri", "form.uri"),
            Map.entry("title.sv", "draft.titleSv"),
            Map.entry("title.da", "draft.titleDa"),
            Map.entry("title.en", "draft.titleEn"),
            Map.entry("binding", "draft.binding"),
            Map.entry("term.startsOn", "draft.startsOn"),
            Map.entry("term.endsOn", "draft.endsOn"),
            Map.entry("term.untilFurtherNotice", "draft.untilFurtherNotice"),
            Map.entry("term.noticePeriodMonths", "draft.noticePeriodMonths"),
            Map.entry("term.waitForLegalForce", "draft.waitForLegalForce"),
            Map.entry("reviewCadenceMonths", "draft.reviewCadenceMonths"),
            Map.entry("decisionId", "form.appealedDecision"),
            Map.entry("on", "form.appealOn"),
            Map.entry("court", "form.court"),
            Map.entry("type", "form.linkType"),
            Map.entry("otherAgreementId", "form.otherAgreementId"),
            Map.entry("otherTitle", "form.otherTitle"),
            Map.entry("effectiveOn", "form.effectiveOn"),
            Map.entry("note", "form.note"),
            Map.entry("asOf", "agreement.asOf"),
            Map.entry("party", "register.party"),
            Map.entry("country", "register.country"),
            Map.entry("focusArea", "register.focusArea"),
            Map.entry("q", "register.q"),
            Map.entry("validOn", "agreement.validOn"),
            Map.entry("reminderOffsetsDays", "draft.reminderOffsetsDays"),
            Map.entry("term", "draft.term"),
            Map.entry("focusAreas", "draft.focusAreas"),
            Map.entry("parties", "draft.parties"),
            Map.entry("parties.partyId", "draft.partyId"),
            Map.entry("parties.name", "draft.partyName"),
            Map.entry("parties.kind", "draft.partyKind"),
            Map.entry("parties.country", "draft.country"),
            Map.entry("parties.adoptingBody", "draft.adoptingBody"),
            Map.entry("parties.requires", "draft.requires"),
            Map.entry("parties.lead", "draft.lead"),
            Map.entry("parties.search", "draft.search"),
            Map.entry("party:partyId", "parties.partyId"),
            Map.entry("parties:q", "parties.q"),
            Map.entry("party:kind", "draft.partyKind"),
            Map.entry("party:country", "draft.country"),
            Map.entry("party:names.sv", "parties.nameSv"),
            Map.entry("party:names.da", "parties.nameDa"),
            Map.entry("party:names.en", "parties.nameEn"),
            Map.entry("party:officialCode", "parties.officialCode"),
            Map.entry("party:boardNames", "parties.boards"),
            Map.entry("webhook:url", "webhooks.url"),
            Map.entry("webhook:types", "webhooks.types"),
            Map.entry("webhook:description", "webhooks.description"),
            Map.entry("webhook:scheme", "webhooks.scheme"));

    /** A file's hash is the file field's: the person chose a file, not a hash. */
    private static final Map<String, String> SHOWN_AS = Map.of(
            "document.sha256", "document.file",
            "text.sha256", "text.file",
            "sha256", "file",
            "text", "text.file",
            "signatory", "signatory.name",
            "names", "names.sv");

    private final Words words;
    private final Reasons reasons;

    ErrorSummary(Words words, Reasons reasons) {
        this.words = words;
        this.reasons = reasons;
    }

    /** Every label key the summary may name a field by (MessagesTest: each has its text in every language). */
    static java.util.Collection<String> labelKeys() {
        return LABELS.values();
    }

    /** The problems of form {@code form} (its id on the page is {@code form-<form>}), one per field. */
    public List<Item> of(String form, Map<String, String> fields) {
        List<Item> items = new ArrayList<>();
        if (fields == null) {
            return items;
        }
        String family = form.replaceFirst("-.*", "");
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String path = SHOWN_AS.getOrDefault(field.getKey(), field.getKey());
            String reason = reasons.translated(field.getValue());
            String input =
                    path.contains("[") && !path.startsWith("parties[") ? path.substring(0, path.indexOf('[')) : path;
            boolean named = LABELS.containsKey(family + ":" + input)
                    || LABELS.containsKey(input.replaceAll("\\[\\d+]", ""))
                    || input.startsWith("parties[");
            items.add(new Item(
                    // a problem of no field the person sees (the version the page carried): the form itself
                    named ? "#" + inputId(form, input) : "#form-" + form,
                    label(family, path),
                    reason == null ? words.text("error.fieldRefused") : reason));
        }
        return items;
    }

    /** The label a form shows for the field at {@code path}. */
    public String label(String family, String path) {
        Matcher indexed = INDEXED.matcher(path);
        if (indexed.matches() && indexed.group(1).equals("parties")) {
            String row = words.text("draft.partyN", Integer.parseInt(indexed.group(2)) + 1);
            return row + ": " + label(family, "parties." + indexed.group(3));
        }
        if (path.contains("[")) {
            // a row of a list typed one per line (reviewers, focus areas): the list's field
            return label(family, path.substring(0, path.indexOf('[')));
        }
        String key = LABELS.get(family + ":" + path);
        if (key == null) {
            key = LABELS.get(path);
        }
        return key == null ? words.text("error.fieldUnnamed") : words.text(key);
    }

    /** The id the form's input for {@code path} has (fields.html: the form's name, then the path with '-' for '.[]'). */
    public static String inputId(String form, String path) {
        return form + "-" + path.replace('.', '-').replace('[', '-').replace("]", "");
    }
}
