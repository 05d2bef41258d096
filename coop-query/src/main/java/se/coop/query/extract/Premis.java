package se.coop.query.extract;

import java.util.List;
import java.util.UUID;
import se.coop.api.document.StoredDocument;
import se.coop.api.query.AgreementDocuments;
import se.coop.query.audit.ChainVerification;

/**
 * The package's preservation metadata in PREMIS 3.0: the agreement as an intellectual entity; every file of the
 * package (but this one and the METS files that list it) with its SHA-256 fixity, size and format; a "message digest
 * calculation" event for those digests and a "fixity check" event recording that the agreement's hash chain was
 * verified — its outcome, the number of events and the head hash — both by Coop as the executing software. A
 * preliminary extract says so in the entity's significant properties.
 */
final class Premis {

    static final String NAMESPACE = "http://www.loc.gov/premis/v3";
    private static final String AGENT = "coop";

    private Premis() {}

    static byte[] document(Dossier dossier, Mets.Header header, List<PackageFile> files) {
        Xml xml = Xml.document();
        Xml.Node premis = xml.root(NAMESPACE, "premis").declare("xsi", Xml.XSI).attr("version", "3.0");
        Xml.Node entity = premis.add("object").attr(Xml.XSI, "xsi:type", "intellectualEntity");
        identifier(entity.add("objectIdentifier"), "object", "UUID", dossier.agreementId());
        if (header.preliminary()) {
            entity.add("significantProperties")
                    .text("significantPropertiesType", "extract")
                    .text(
                            "significantPropertiesValue",
                            "Preliminary extract: the agreement is "
                                    + dossier.agreement().state() + ", not archived");
        }
        entity.text("originalName", ArchivePackages.title(dossier));
        for (PackageFile file : files) {
            Xml.Node object = premis.add("object").attr(Xml.XSI, "xsi:type", "file");
            identifier(object.add("objectIdentifier"), "object", "local", file.path());
            Xml.Node characteristics = object.add("objectCharacteristics");
            characteristics.text("compositionLevel", 0);
            characteristics
                    .add("fixity")
                    .text("messageDigestAlgorithm", "SHA-256")
                    .text("messageDigest", file.sha256())
                    .text("messageDigestOriginator", "Coop");
            characteristics.text("size", file.size());
            Xml.Node formatNode = characteristics.add("format");
            formatNode
                    .add("formatDesignation")
                    .text("formatName", file.format().name())
                    .text("formatVersion", file.format().version());
            if (file.format().pronomKey() != null) {
                formatNode
                        .add("formatRegistry")
                        .text("formatRegistryName", "PRONOM")
                        .text("formatRegistryKey", file.format().pronomKey());
            }
            object.text("originalName", file.name());
            Xml.Node relationship = object.add("relationship");
            relationship.text("relationshipType", "structural").text("relationshipSubType", "is included in");
            relationship
                    .add("relatedObjectIdentifier")
                    .text("relatedObjectIdentifierType", "UUID")
                    .text("relatedObjectIdentifierValue", dossier.agreementId());
        }
        String created = Mets.time(header.created());
        Xml.Node digests = premis.add("event");
        identifier(digests.add("eventIdentifier"), "event", "UUID", UUID.randomUUID());
        digests.text("eventType", "message digest calculation").text("eventDateTime", created);
        digests.add("eventDetailInformation")
                .text("eventDetail", "SHA-256 of every file of the package, taken as the package was made");
        digests.add("eventOutcomeInformation").text("eventOutcome", "success");
        agent(digests);
        ChainVerification chain = dossier.verification();
        Xml.Node fixity = premis.add("event");
        identifier(fixity.add("eventIdentifier"), "event", "UUID", UUID.randomUUID());
        fixity.text("eventType", "fixity check").text("eventDateTime", created);
        fixity.add("eventDetailInformation")
                .text(
                        "eventDetail",
                        "The agreement's hash chain recomputed from its stored events (genesis to head), as in"
                                + " representations/rep1/data/events.jsonl");
        Xml.Node outcome = fixity.add("eventOutcomeInformation");
        outcome.text("eventOutcome", chain.intact() ? "success" : "failure");
        outcome.add("eventOutcomeDetail")
                .text(
                        "eventOutcomeDetailNote",
                        chain.intact()
                                ? "intact; events=" + chain.events() + "; headHash=" + chain.headHash()
                                : "broken at event " + chain.brokenAt() + "; events=" + chain.events());
        agent(fixity);
        fixity.add("linkingObjectIdentifier")
                .text("linkingObjectIdentifierType", "UUID")
                .text("linkingObjectIdentifierValue", dossier.agreementId())
                .text("linkingObjectRole", "source");
        for (AgreementDocuments.NamedDocument document : dossier.documents().documents()) {
            StoredDocument.Culling culling =
                    document.stored() == null ? null : document.stored().culled();
            if (culling != null) {
                culled(premis, document.stored(), culling);
            }
        }
        Xml.Node agent = premis.add("agent");
        identifier(agent.add("agentIdentifier"), "agent", "local", AGENT);
        agent.text("agentName", "Coop").text("agentType", "software").text("agentVersion", header.softwareVersion());
        return xml.bytes();
    }

    /**
     * A document Coop held and an operator culled under the archive authority's decision: a deletion event naming the
     * document by its SHA-256 and the decision, so that the package says why the bytes are not in it.
     */
    private static void culled(Xml.Node premis, StoredDocument document, StoredDocument.Culling culling) {
        Xml.Node deletion = premis.add("event");
        identifier(deletion.add("eventIdentifier"), "event", "UUID", UUID.randomUUID());
        deletion.text("eventType", "deletion")
                .text(
                        "eventDateTime",
                        culling.culledAt().atOffset(java.time.ZoneOffset.UTC).toString());
        deletion.add("eventDetailInformation")
                .text(
                        "eventDetail",
                        "Culled by " + culling.culledBy() + " under the archive authority's decision: "
                                + culling.decision()
                                + (culling.decidedOn() == null ? "" : " (" + culling.decidedOn() + ")"));
        deletion.add("eventOutcomeInformation").text("eventOutcome", "success");
        agent(deletion);
        deletion.add("linkingObjectIdentifier")
                .text("linkingObjectIdentifierType", "SHA-256")
                .text("linkingObjectIdentifierValue", document.sha256())
                .text("linkingObjectRole", "source");
    }

    private static void agent(Xml.Node event) {
        event.add("linkingAgentIdentifier")
                .text("linkingAgentIdentifierType", "local")
                .text("linkingAgentIdentifierValue", AGENT)
                .text("linkingAgentRole", "executing program");
    }

    private static void identifier(Xml.Node node, String kind, String type, Object value) {
        node.text(kind + "IdentifierType", type).text(kind + "IdentifierValue", value);
    }
}
