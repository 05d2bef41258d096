package se.coop.query.history;

import static se.coop.query.history.HistoryWording.capital;
import static se.coop.query.history.HistoryWording.clause;
import static se.coop.query.history.HistoryWording.described;
import static se.coop.query.history.HistoryWording.hash;
import static se.coop.query.history.HistoryWording.names;
import static se.coop.query.history.HistoryWording.sentence;
import static se.coop.query.history.HistoryWording.size;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import se.coop.api.AgreementKind;
import se.coop.api.BoardOutcome;
import se.coop.api.BusinessTime;
import se.coop.api.DocumentKind;
import se.coop.api.DocumentRef;
import se.coop.api.LinkType;
import se.coop.api.ReviewDecision;
import se.coop.api.ReviewKind;
import se.coop.api.ValueChecks;
import se.coop.api.event.AgreementArchived;
import se.coop.api.event.AgreementEnteredIntoForce;
import se.coop.api.event.AgreementEvent;
import se.coop.api.event.AgreementExpired;
import se.coop.api.event.AgreementLinked;
import se.coop.api.event.AgreementSigned;
import se.coop.api.event.AgreementTerminated;
import se.coop.api.event.AmendmentEnteredIntoForce;
import se.coop.api.event.AmendmentProposed;
import se.coop.api.event.AppealRecorded;
import se.coop.api.event.ApprovalsVoided;
import se.coop.api.event.BoardDecisionRecorded;
import se.coop.api.event.DocumentAttached;
import se.coop.api.event.DocumentCorrected;
import se.coop.api.event.DraftAbandoned;
import se.coop.api.event.DraftRevised;
import se.coop.api.event.IntentDrafted;
import se.coop.api.event.NoticeGiven;
import se.coop.api.event.PartyLeft;
import se.coop.api.event.PartyRemoved;
import se.coop.api.event.ReviewCancelled;
import se.coop.api.event.ReviewHeld;
import se.coop.api.event.ReviewOutcomeRecorded;
import se.coop.api.event.ReviewRescheduled;
import se.coop.api.event.ReviewScheduled;
import se.coop.api.event.SubmittedForAdoption;
import se.coop.api.event.TerminationCause;
import se.coop.api.event.TerminationDecided;
import se.coop.api.event.TextDescriptionCorrected;
import se.coop.api.reminder.ReviewReminderIssued;
import se.coop.query.history.HistoryWording.Agreement;

/**
 * Every agreement event in plain Danish, beside {@link HistoryWording}'s Swedish and English, as a Danish secretariat
 * would say it ("Byrådet i Køge Kommune vedtog tekstversion 1 den 12. marts 2020 (Sag 2020-1234, punkt 12)."). Pure,
 * like the other two; {@code DanishWordingTest} holds that every event the history words has its Danish.
 */
final class DanishWording {

    private interface Words<E extends AgreementEvent> {
        String of(E event, Agreement agreement);
    }

    private static final Map<Class<?>, Words<?>> WORDS = new HashMap<>();

    private static <E extends AgreementEvent> void on(Class<E> type, Words<E> words) {
        WORDS.put(type, words);
    }

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("da"));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm");

    static {
        on(
                IntentDrafted.class,
                (e, a) -> capital(kind(e.kind())) + " \"" + e.title().in("da")
                        + "\" blev oprettet som udkast med " + e.parties().size() + " parter: "
                        + e.parties().stream()
                                .map(p -> p.name() + (p.lead() ? " (koordinerende)" : ""))
                                .collect(Collectors.joining(", "))
                        + ". Tekstversion 1 (" + hash(e.text().sha256()) + ").");
        on(DraftRevised.class, (e, a) -> {
            String note = e.note() == null ? "" : " Note: " + sentence(e.note());
            if (e.newTextVersion()) {
                return "Udkastet blev rettet til tekstversion " + e.textVersion() + " ("
                        + hash(e.text().sha256()) + ")." + note;
            }
            return "Udkastets oplysninger blev rettet (" + changed(e) + ") uden ny tekstversion." + note;
        });
        on(
                ApprovalsVoided.class,
                (e, a) -> "Godkendelserne af tekstversion " + e.textVersion()
                        + " bortfaldt, fordi teksten blev rettet"
                        + (e.partiesWithApprovals().isEmpty() ? "" : " (" + names(e.partiesWithApprovals(), a) + ")")
                        + "; aftalen er igen et udkast.");
        on(
                SubmittedForAdoption.class,
                (e, a) -> "Tekstversion " + e.textVersion() + " (" + hash(e.textSha256())
                        + ") blev sendt til parterne til vedtagelse.");
        on(
                AgreementSigned.class,
                (e, a) -> a.name(e.partyId()) + " underskrev " + subject(e.textVersion(), e.amendmentId() != null)
                        + " den " + date(e.signedOn()) + " ved " + e.signatory().name() + " ("
                        + e.signatory().title() + ")" + (e.place() == null ? "" : " i " + e.place()) + "."
                        + (e.counts() ? "" : " Underskriften gælder en tidligere tekstversion og tæller ikke.")
                        + restsOn(e.document()));
        on(BoardDecisionRecorded.class, DanishWording::decision);
        on(AppealRecorded.class, (e, a) -> {
            String court = e.court() == null ? "" : " (" + e.court() + ")";
            return switch (e.outcome()) {
                case LODGED ->
                    "Beslutningen i " + a.name(e.partyId()) + " blev påklaget (laglighetsprövning) den " + date(e.on())
                            + court + ".";
                case DISMISSED ->
                    "Klagen over beslutningen i " + a.name(e.partyId()) + " blev afvist den " + date(e.on()) + court
                            + "; beslutningen står ved magt.";
                case ANNULLED ->
                    "Beslutningen i " + a.name(e.partyId()) + " blev ophævet den " + date(e.on()) + court
                            + "; vedtagelsen tæller ikke længere.";
            };
        });
        on(
                AgreementEnteredIntoForce.class,
                (e, a) -> capital(kind(a.kind())) + " trådte i kraft den " + date(e.effectiveFrom()) + " (tekstversion "
                        + e.textVersion() + "), da alle parter havde godkendt den.");
        on(
                AmendmentProposed.class,
                (e, a) -> "En ændring blev foreslået: tekstversion " + e.textVersion() + " ("
                        + hash(e.text().sha256()) + ")" + (e.summary() == null ? "" : ", " + e.summary())
                        + ". Den gældende version gælder, indtil alle parter har godkendt ændringen.");
        on(
                AmendmentEnteredIntoForce.class,
                (e, a) -> "Ændringen trådte i kraft den " + date(e.effectiveFrom()) + "; tekstversion "
                        + e.textVersion() + " gælder.");
        on(
                ReviewScheduled.class,
                (e, a) -> meeting(e.kind()) + (e.title() == null ? "" : " \"" + e.title() + "\"")
                        + " blev planlagt til " + date(e.startsAt()) + " i " + e.location() + ", med "
                        + e.reviewers().size() + " deltager" + (e.reviewers().size() == 1 ? "." : "e."));
        on(
                ReviewHeld.class,
                (e, a) -> meeting(e.kind()) + (e.title() == null ? "" : " \"" + e.title() + "\"")
                        + " blev afholdt den " + date(e.heldOn()) + (e.location() == null ? "" : " i " + e.location())
                        + ": " + sentence(e.summary()) + " Beslutning: " + decision(e.decision()) + "."
                        + restsOn(e.document()));
        on(
                ReviewRescheduled.class,
                (e, a) -> "Mødet blev flyttet til " + date(e.startsAt())
                        + (e.location() == null ? "" : " i " + e.location())
                        + (e.reason() == null ? "" : " (" + clause(e.reason()) + ")") + ".");
        on(ReviewCancelled.class, (e, a) -> "Mødet blev aflyst: " + sentence(e.reason()));
        on(
                ReviewOutcomeRecorded.class,
                (e, a) -> "Mødet blev afholdt den " + date(e.heldOn()) + ": " + sentence(e.summary()) + " Beslutning: "
                        + decision(e.decision()) + "." + restsOn(e.document()));
        on(
                DocumentAttached.class,
                (e, a) -> "Dokumentet \"" + e.title() + "\" blev vedhæftet som " + documentKind(e.kind()) + " ("
                        + e.mediaType() + ", " + size(e.size()) + ", " + hash(e.sha256()) + ").");
        on(
                TextDescriptionCorrected.class,
                (e, a) -> "Beskrivelsen af tekstversion " + e.textVersion() + " blev rettet: \""
                        + e.text().title()
                        + "\" (" + described(e.text()) + "), samme tekst."
                        + (e.note() == null ? "" : " Note: " + sentence(e.note())));
        on(
                DocumentCorrected.class,
                (e, a) -> "Beskrivelsen af dokumentet " + hash(e.sha256()) + " blev rettet: \"" + e.title() + "\", "
                        + documentKind(e.kind()) + " (" + e.mediaType() + (e.uri() == null ? "" : ", " + e.uri())
                        + "), samme fil.");
        on(
                TerminationDecided.class,
                (e, a) -> capital(kind(a.kind())) + " blev opsagt og ophører den " + date(e.effectiveOn())
                        + "; den gælder indtil da: " + sentence(e.reason()));
        on(
                AgreementLinked.class,
                (e, a) -> capital(kind(a.kind())) + " blev forbundet " + link(e.type()) + " "
                        + (e.otherTitle() != null ? e.otherTitle() : "aftale " + e.otherAgreementId()) + ".");
        on(
                NoticeGiven.class,
                (e, a) -> a.name(e.partyId()) + " opsagde sin deltagelse den " + date(e.givenOn())
                        + " og udtræder af aftalen den " + date(e.leavesOn())
                        + (e.reason() == null ? "" : " (" + clause(e.reason()) + ")") + ".");
        on(
                PartyLeft.class,
                (e, a) -> a.name(e.partyId()) + " udtrådte af aftalen den " + date(e.leftOn())
                        + ", da opsigelsesvarslet udløb.");
        on(
                PartyRemoved.class,
                (e, a) -> a.name(e.partyId()) + " blev fjernet som part"
                        + (e.reason() == null ? "." : ": " + sentence(e.reason())));
        on(
                AgreementTerminated.class,
                (e, a) -> e.cause() == TerminationCause.TOO_FEW_PARTIES
                        ? capital(kind(a.kind())) + " ophørte den " + date(e.effectiveOn())
                                + ", fordi færre end to parter var tilbage."
                        : capital(kind(a.kind())) + " ophørte den " + date(e.effectiveOn()) + " efter opsigelse: "
                                + sentence(e.reason()));
        on(
                AgreementExpired.class,
                (e, a) ->
                        capital(kind(a.kind())) + " udløb den " + date(e.endedOn()) + ", da aftaleperioden sluttede.");
        on(
                DraftAbandoned.class,
                (e, a) -> "Udkastet blev opgivet" + (e.reason() == null ? "." : ": " + sentence(e.reason())));
        on(AgreementArchived.class, (e, a) -> capital(kind(a.kind())) + " blev arkiveret og kan ikke længere ændres.");
    }

    private DanishWording() {}

    static Set<Class<?>> handledTypes() {
        return Set.copyOf(WORDS.keySet());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static String of(AgreementEvent event, Agreement agreement) {
        Words words = WORDS.get(event.getClass());
        return words == null ? null : words.of(event, agreement);
    }

    /** An issued reminder in Danish: to whom ({@code to}, addresses marked as the other languages mark them), about what. */
    static String reminder(ReviewReminderIssued e, String to) {
        String before = e.offsetDays() == 0 ? "" : " (" + e.offsetDays() + " dage før)";
        return switch (e.subject()) {
            case MEETING ->
                "Påmindelse" + before + " om mødet " + date(e.dueAt())
                        + (e.location() == null ? "" : " i " + e.location()) + " blev sendt til " + to + ".";
            case OVERDUE_REVIEW ->
                "Påmindelse til " + to
                        + ": ingen årlig opfølgning er afholdt eller planlagt inden for aftalens interval.";
            case COUNCIL_REPORT ->
                "Påmindelse" + before + " til " + to
                        + ": årlig redegørelse til fullmäktige (KL 9 kap. 38 §) senest "
                        + date(e.dueAt().toLocalDate())
                        + ".";
        };
    }

    private static String decision(BoardDecisionRecorded e, Agreement a) {
        String reference = ValueChecks.caseReference(e.caseNumber(), e.paragraph());
        StringBuilder da = new StringBuilder(e.body() + " i " + a.name(e.partyId()) + " " + outcome(e.outcome()) + " "
                + subject(e.textVersion(), e.amendmentId() != null) + " den " + date(e.decidedOn()) + " ("
                + reference + ").");
        if (!e.dissents().isEmpty()) {
            da.append(" Mindretalsudtalelser: ")
                    .append(String.join("; ", e.dissents()))
                    .append('.');
        }
        if (e.minutesPostedOn() != null) {
            da.append(" Protokollen blev offentliggjort den ").append(date(e.minutesPostedOn()));
            if (e.appealWindowEndsOn() != null) {
                da.append("; sidste dag for klage er ").append(date(e.appealWindowEndsOn()));
            }
            da.append('.');
        }
        if (!e.counts()) {
            da.append(" Beslutningen tæller ikke: den gælder en tidligere tekstversion eller er ikke truffet af"
                    + " partens besluttende organ.");
        }
        return da.append(restsOn(e.document())).toString();
    }

    private static String restsOn(DocumentRef document) {
        return document == null
                ? ""
                : " Grundlag: " + documentKind(document.kind()) + " " + hash(document.sha256()) + ".";
    }

    static String documentKind(DocumentKind kind) {
        return switch (kind) {
            case AGREEMENT_TEXT -> "aftaletekst";
            case SIGNED_COPY -> "underskrevet eksemplar";
            case MINUTES_EXTRACT -> "protokoludskrift";
            case DECISION_NOTICE -> "afgørelse";
            case REVIEW_MINUTES -> "mødereferat";
            case FINAL_REPORT -> "slutrapport";
            case OTHER -> "andet dokument";
        };
    }

    private static String outcome(BoardOutcome outcome) {
        return switch (outcome) {
            case ADOPTED -> "vedtog";
            case REJECTED -> "forkastede";
            case REFERRED_BACK -> "sendte tilbage";
            case TABLED -> "udsatte";
        };
    }

    private static String subject(int textVersion, boolean amendment) {
        return (amendment ? "ændringen, tekstversion " : "tekstversion ") + textVersion;
    }

    static String kind(AgreementKind kind) {
        return switch (kind) {
            case LETTER_OF_INTENT -> "hensigtserklæringen";
            case COOPERATION_AGREEMENT -> "samarbejdsaftalen";
            case JOINT_STRATEGY -> "den fælles strategi";
            case PROJECT -> "projektet";
            case AVTALSSAMVERKAN -> "aftalesamarbejdet";
        };
    }

    private static String meeting(ReviewKind kind) {
        return kind == ReviewKind.ANNUAL_REVIEW ? "En årlig opfølgning" : "Et møde";
    }

    private static String decision(ReviewDecision decision) {
        return switch (decision) {
            case CONTINUE -> "samarbejdet fortsætter";
            case AMEND -> "aftalen skal ændres";
            case TERMINATE -> "aftalen skal afsluttes";
        };
    }

    private static String link(LinkType type) {
        return switch (type) {
            case PART_OF -> "som del af";
            case SUCCEEDS -> "som efterfølger for";
            case ANNEX_TO -> "som bilag til";
        };
    }

    private static String changed(DraftRevised e) {
        return List.of(
                        e.title() == null ? "" : "titel",
                        e.focusAreas() == null ? "" : "fokusområder",
                        e.term() == null ? "" : "aftaleperiode")
                .stream()
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining(", "));
    }

    private static String date(LocalDate date) {
        return DATE.format(date);
    }

    private static String date(OffsetDateTime at) {
        OffsetDateTime local = at.atZoneSameInstant(BusinessTime.ZONE).toOffsetDateTime();
        return DATE.format(local) + " kl. " + TIME.format(local);
    }
}
