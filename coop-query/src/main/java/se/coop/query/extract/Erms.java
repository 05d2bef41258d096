package se.coop.query.extract;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import se.coop.api.AgreementState;
import se.coop.api.query.AgreementRecords;
import se.coop.api.query.PartyStatusView;
import se.coop.query.history.HistoryWording;

/**
 * The agreement as a case in CITS ERMS 2.1 (FGS Ärendehantering builds on it): one aggregation of type caseFile —
 * its id, each party's case number, its title, status, parties as counterparts and dates — holding a record for every
 * board decision (its body as the deciding agent, case number and § as extra ids, the day decided, the outcome as an
 * action) and every signature (the signatory as main signatory, the day signed). Element order, required elements
 * and value lists as the ERMS 2.1.2 schema and specification give them (see docs/archive.md).
 */
final class Erms {

    static final String NAMESPACE = "https://DILCIS.eu/XML/ERMS";

    private Erms() {}

    static byte[] document(Dossier dossier, Mets.Header header) {
        Xml xml = Xml.document();
        Xml.Node erms = xml.root(NAMESPACE, "erms");
        AgreementRecords records = dossier.records();
        Set<String> caseNumbers = new LinkedHashSet<>();
        records.decisions().stream().filter(d -> d.caseNumber() != null).forEach(d -> caseNumbers.add(d.caseNumber()));

        Xml.Node control = erms.add("control");
        control.add("identification")
                .attr("identificationType", "archivalCreator")
                .text(header.archivalCreator());
        control.add("identification")
                .attr("identificationType", "coopAgreementId")
                .text(dossier.agreementId());
        caseNumbers.forEach(number -> control.add("identification")
                .attr("identificationType", "caseNumber")
                .text(number));
        Xml.Node maintenance = control.add("maintenanceInformation");
        maintenance.add("maintenanceStatus").attr("value", "new");
        maintenance.add("maintenanceAgency").text("agencyName", header.archivalCreator());
        Xml.Node event = maintenance.add("maintenanceHistory").add("maintenanceEvent");
        event.add("eventType").attr("value", "created");
        event.text("eventDateTime", Mets.time(header.created()));
        event.add("agent")
                .attr("agentType", "creator")
                .text("name", "Coop " + header.softwareVersion())
                .text("organisation", header.archivalCreator());

        var agreement = dossier.agreement();
        Xml.Node caseFile = erms.add("aggregations")
                .add("aggregation")
                .attr("systemIdentifier", dossier.agreementId())
                .attr("aggregationType", "caseFile");
        caseFile.text("objectId", dossier.agreementId());
        records.decisions().stream()
                .filter(d -> d.caseNumber() != null)
                .map(d -> new String[] {d.partyId(), d.caseNumber()})
                .distinct()
                .forEach(pair -> caseFile.add("extraId")
                        .attr("extraIdType", "caseNumber:" + pair[0])
                        .text(pair[1]));
        caseFile.text("title", ArchivePackages.title(dossier));
        if (agreement.title().da() != null) {
            caseFile.add("otherTitle")
                    .attr("titleType", "translation-da")
                    .text(agreement.title().da());
        }
        if (agreement.title().en() != null) {
            caseFile.add("otherTitle")
                    .attr("titleType", "translation-en")
                    .text(agreement.title().en());
        }
        caseFile.add("status").attr("value", status(agreement.state()));
        Xml.Node agents = caseFile.add("agents");
        for (PartyStatusView party : agreement.parties()) {
            agents.add("agent")
                    .attr("agentType", "counterpart")
                    .text("name", party.name())
                    .text("role", party.lead() ? "lead party" : "party");
        }
        Xml.Node dates = caseFile.add("dates");
        dates.add("date").attr("dateType", "created").text(time(agreement.createdAt()));
        dates.add("date").attr("dateType", "opened").text(time(agreement.createdAt()));
        if (agreement.endedOn() != null) {
            dates.add("date").attr("dateType", "closed").text(day(agreement.endedOn()));
        }

        for (AgreementRecords.Decision decision : records.decisions()) {
            Xml.Node record = caseFile.add("record")
                    .attr("systemIdentifier", decision.decisionId())
                    .attr("recordType", "boardDecision");
            record.text("objectId", decision.decisionId());
            if (decision.caseNumber() != null) {
                record.add("extraId").attr("extraIdType", "caseNumber").text(decision.caseNumber());
            }
            if (decision.paragraph() != null) {
                record.add("extraId").attr("extraIdType", "paragraph").text(decision.paragraph());
            }
            String did = decision.body() + " i " + decision.partyName() + " "
                    + HistoryWording.outcomeSv(decision.outcome()) + " " + "textversion " + decision.textVersion()
                    + (decision.counts() ? "" : " (räknas inte)");
            record.text("title", did);
            record.add("agents")
                    .add("agent")
                    .attr("agentType", "other")
                    .attr("otherAgentType", "decision_body")
                    .text("name", decision.body())
                    .text("organisation", decision.partyName());
            Xml.Node recordDates = record.add("dates");
            recordDates.add("date").attr("dateType", "created").text(time(decision.recordedAt()));
            recordDates.add("date").attr("dateType", "decision").text(day(decision.decidedOn()));
            Xml.Node action = record.add("action");
            action.text("actionText", did);
            action.text("actionType", "decision_outcome:" + decision.outcome());
            action.add("dates").add("actionDate").attr("dateType", "decision").text(day(decision.decidedOn()));
        }
        for (AgreementRecords.Signature signature : records.signatures()) {
            String id = UUID.nameUUIDFromBytes((dossier.agreementId() + "/signature/" + signature.partyId() + "/"
                                    + signature.textVersion() + "/" + signature.recordedAt())
                            .getBytes(StandardCharsets.UTF_8))
                    .toString();
            Xml.Node record =
                    caseFile.add("record").attr("systemIdentifier", id).attr("recordType", "signature");
            record.text("objectId", id);
            record.text(
                    "title",
                    signature.partyName() + " undertecknade textversion " + signature.textVersion()
                            + (signature.counts() ? "" : " (räknas inte)"));
            record.add("agents")
                    .add("agent")
                    .attr("agentType", "main_signatory")
                    .text("name", signature.signatory())
                    .text("organisation", signature.partyName())
                    .text("role", signature.signatoryTitle());
            Xml.Node recordDates = record.add("dates");
            recordDates.add("date").attr("dateType", "created").text(time(signature.recordedAt()));
            recordDates.add("date").attr("dateType", "main_signature").text(day(signature.signedOn()));
        }
        return xml.bytes();
    }

    /** ERMS status: open while in force, in progress before, closed once it ended. */
    static String status(AgreementState state) {
        return switch (state) {
            case DRAFT, AWAITING_APPROVAL -> "in_progress";
            case IN_FORCE -> "open";
            case TERMINATED, EXPIRED, ABANDONED, ARCHIVED -> "closed";
        };
    }

    private static String time(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at);
    }

    /** ERMS dates are xs:dateTime: a day is its start. */
    private static String day(LocalDate day) {
        return day + "T00:00:00";
    }
}
