package se.coop.query.open;

import java.util.List;

/**
 * Coop's own terms in the open register, where Dublin Core, FOAF and W3C ORG have none: served as an RDF vocabulary at
 * {@code /open/terms} (each term's label and meaning in Swedish and English), the namespace the register's JSON-LD
 * context maps its other keys to, and the standard the dataset says it conforms to.
 */
final class OpenTerms {

    private OpenTerms() {}

    static String namespace(String base) {
        return base + "/open/terms#";
    }

    /** The keys whose values are days ({@code xsd:date}). */
    static final List<String> DAYS = List.of(
            "effectiveFrom",
            "endedOn",
            "terminatesOn",
            "nextReviewOn",
            "reviewDueOn",
            "decidedOn",
            "minutesPostedOn",
            "appealWindowEndsOn",
            "legallyFinalOn",
            "leavesOn",
            "on");

    private static String names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).collect(java.util.stream.Collectors.joining(", "));
    }

    private record Term(String name, boolean isClass, String labelSv, String labelEn, String comment) {}

    private static final List<Term> TERMS = List.of(
            new Term(
                    "Agreement",
                    true,
                    "Samverkansavtal",
                    "Cooperation agreement",
                    "An agreement between public bodies (and the companies and universities they work with), from"
                            + " letter of intent to termination."),
            new Term(
                    "BoardDecision",
                    true,
                    "Beslut",
                    "Board decision",
                    "A party's board's decision on the agreement or an amendment of it."),
            new Term(
                    "Appeal",
                    true,
                    "Överklagande",
                    "Appeal",
                    "A step of an appeal against a board decision, in a court."),
            new Term(
                    "kind",
                    false,
                    "Slag",
                    "Kind",
                    "LETTER_OF_INTENT, COOPERATION_AGREEMENT, JOINT_STRATEGY or PROJECT."),
            new Term("state", false, "Läge", "State", "AWAITING_APPROVAL, IN_FORCE, TERMINATED, EXPIRED or ARCHIVED."),
            new Term("binding", false, "Bindande", "Binding", "Whether the agreement binds its parties."),
            new Term(
                    "effectiveFrom",
                    false,
                    "Gäller från",
                    "In force from",
                    "The day the agreement entered into force."),
            new Term("endedOn", false, "Upphörde", "Ended on", "The day the agreement ended."),
            new Term(
                    "terminatesOn",
                    false,
                    "Upphör",
                    "Terminates on",
                    "The day an agreement in force will end, when that is known."),
            new Term("focusAreas", false, "Fokusområden", "Focus areas", "The tracks of the cooperation."),
            new Term("parties", false, "Parter", "Parties", "The organisations party to the agreement."),
            new Term(
                    "organisationKind",
                    false,
                    "Slag av organisation",
                    "Kind of organisation",
                    "MUNICIPALITY, REGION, UNIVERSITY, COMPANY or AUTHORITY."),
            new Term("country", false, "Land", "Country", "ISO 3166-1 alpha-2 code."),
            new Term(
                    "adoptingBody",
                    false,
                    "Beslutande organ",
                    "Adopting body",
                    "The body whose decision binds the party."),
            new Term("lead", false, "Huvudman", "Lead", "Whether the party leads the cooperation."),
            new Term("participation", false, "Deltagande", "Participation", "ACTIVE, or how the party left."),
            new Term("leavesOn", false, "Lämnar", "Leaves on", "The day a party that gave notice leaves."),
            new Term("decisions", false, "Beslut", "Decisions", "Every board decision on the agreement."),
            new Term("party", false, "Part", "Party", "The identifier of the deciding party."),
            new Term("partyName", false, "Partens namn", "Party's name", "The deciding party's name."),
            new Term("body", false, "Organ", "Body", "The board that decided."),
            new Term(
                    "outcome",
                    false,
                    "Utfall",
                    "Outcome",
                    "What was decided: one of " + names(se.coop.api.BoardOutcome.values()) + "."),
            new Term("decidedOn", false, "Beslutsdag", "Decided on", "The day of the decision."),
            new Term("caseNumber", false, "Diarienummer", "Case number", "The case number (diarienummer, sagsnummer)."),
            new Term("paragraph", false, "Paragraf", "Paragraph", "The paragraph (§) of the minutes."),
            new Term("textVersion", false, "Textversion", "Text version", "The version of the text decided on."),
            new Term(
                    "counts",
                    false,
                    "Räknas",
                    "Counts",
                    "Whether the decision counts: false for one on an earlier version of the text."),
            new Term(
                    "minutesPostedOn",
                    false,
                    "Protokollet anslaget",
                    "Minutes posted on",
                    "The day the minutes were posted (Sweden: the appeal window runs from it)."),
            new Term(
                    "appealWindowEndsOn",
                    false,
                    "Överklagandetiden slutar",
                    "Appeal window ends on",
                    "The last day to appeal."),
            new Term(
                    "legallyFinalOn",
                    false,
                    "Laga kraft",
                    "Legally final on",
                    "The day the decision became, or becomes, legally final."),
            new Term("appeals", false, "Överklaganden", "Appeals", "The steps of appeals against the decision."),
            new Term("court", false, "Domstol", "Court", "The court of an appeal."),
            new Term("on", false, "Dag", "On", "The day of an appeal's step."),
            new Term(
                    "nextReviewOn",
                    false,
                    "Nästa uppföljning",
                    "Next review on",
                    "The day of the next review meeting."),
            new Term("nextReviewKind", false, "Slag av möte", "Kind of meeting", "ANNUAL_REVIEW or another MEETING."),
            new Term(
                    "reviewDueOn",
                    false,
                    "Uppföljning senast",
                    "Review due on",
                    "The day by which the next annual review is due."));

    /** The vocabulary as RDF: each term a class or a property, with its labels and meaning. */
    static Rdf vocabulary(String base) {
        String ns = namespace(base);
        Rdf rdf = new Rdf()
                .prefix("coop", ns)
                .prefix("rdf", Rdf.RDF)
                .prefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#")
                .prefix("owl", "http://www.w3.org/2002/07/owl#")
                .prefix("dct", "http://purl.org/dc/terms/");
        String ontology = base + "/open/terms";
        rdf.type(ontology, "owl:Ontology")
                .text(ontology, "dct:title", "Coops termer för samverkansavtal", "sv")
                .text(ontology, "dct:title", "Coop's terms for cooperation agreements", "en");
        for (Term term : TERMS) {
            String iri = ns + term.name();
            rdf.type(iri, term.isClass() ? "rdfs:Class" : "rdf:Property")
                    .text(iri, "rdfs:label", term.labelSv(), "sv")
                    .text(iri, "rdfs:label", term.labelEn(), "en")
                    .text(iri, "rdfs:comment", term.comment(), "en")
                    .ref(iri, "rdfs:isDefinedBy", ontology);
        }
        return rdf;
    }
}
