package se.coop.query.history;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import se.coop.api.AgreementKind;
import se.coop.api.Bidi;
import se.coop.api.BoardOutcome;
import se.coop.api.BusinessTime;
import se.coop.api.DocumentKind;
import se.coop.api.DocumentRef;
import se.coop.api.LinkType;
import se.coop.api.Participant;
import se.coop.api.ReviewDecision;
import se.coop.api.ReviewKind;
import se.coop.api.ValueChecks;
import se.coop.api.contact.Contact;
import se.coop.api.contact.ContactId;
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

/**
 * Every agreement event in plain Swedish and English (and Danish: {@link DanishWording}), as a secretariat or auditor would say it: who decided what,
 * when, under which case number. Pure: what it needs of the agreement (its kind, its parties' names) is passed in.
 */
public final class HistoryWording {

    /** What the wording knows of the agreement: its kind and each party's name. */
    record Agreement(AgreementKind kind, Map<String, String> partyNames) {

        String name(Object partyId) {
            return Bidi.isolate(partyNames.getOrDefault(String.valueOf(partyId), String.valueOf(partyId)));
        }
    }

    /** One event in words (Swedish, English, and Danish from {@link DanishWording}), and its reference, if any. */
    record Wording(String sv, String en, String reference, String da) {

        Wording(String sv, String en, String reference) {
            this(sv, en, reference, null);
        }

        Wording withDanish(String danish) {
            return new Wording(sv, en, reference, danish);
        }
    }

    private interface Words<E extends AgreementEvent> {
        Wording of(E event, Agreement agreement);
    }

    private static final Map<Class<?>, Words<?>> WORDS = new HashMap<>();

    private static <E extends AgreementEvent> void on(Class<E> type, Words<E> words) {
        WORDS.put(type, words);
    }

    private static final DateTimeFormatter SV_DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("sv"));
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    static {
        on(IntentDrafted.class, (e, a) -> {
            String sv = e.parties().stream()
                    .map(p -> p.name() + (p.lead() ? " (sammankallande)" : ""))
                    .collect(Collectors.joining(", "));
            String en = e.parties().stream()
                    .map(p -> p.name() + (p.lead() ? " (lead)" : ""))
                    .collect(Collectors.joining(", "));
            return new Wording(
                    capital(kindSv(e.kind())) + " \"" + e.title().in("sv") + "\" upprättades som utkast med "
                            + e.parties().size() + " parter: " + sv + ". Textversion 1 ("
                            + hash(e.text().sha256()) + ").",
                    capital(kindEn(e.kind())) + " \"" + e.title().in("en") + "\" was drafted with "
                            + e.parties().size() + " parties: " + en + ". Text version 1 ("
                            + hash(e.text().sha256()) + ").",
                    null);
        });
        on(DraftRevised.class, (e, a) -> {
            String note = e.note() == null ? "" : " Anteckning: " + sentence(e.note());
            String noteEn = e.note() == null ? "" : " Note: " + sentence(e.note());
            if (e.newTextVersion()) {
                return new Wording(
                        "Utkastet reviderades till textversion " + e.textVersion() + " ("
                                + hash(e.text().sha256()) + ")." + note,
                        "The draft was revised to text version " + e.textVersion() + " ("
                                + hash(e.text().sha256()) + ")." + noteEn,
                        null);
            }
            return new Wording(
                    "Utkastets uppgifter ändrades (" + changedSv(e) + ") utan ny textversion." + note,
                    "The draft's details were corrected (" + changedEn(e) + ") without a new text version." + noteEn,
                    null);
        });
        on(
                ApprovalsVoided.class,
                (e, a) -> new Wording(
                        "Godkännandena av textversion " + e.textVersion()
                                + " upphörde att gälla eftersom texten reviderades"
                                + (e.partiesWithApprovals().isEmpty()
                                        ? ""
                                        : " (" + names(e.partiesWithApprovals(), a) + ")")
                                + "; avtalet är åter ett utkast.",
                        "The approvals of text version " + e.textVersion() + " were voided because the text was revised"
                                + (e.partiesWithApprovals().isEmpty()
                                        ? ""
                                        : " (" + names(e.partiesWithApprovals(), a) + ")")
                                + "; the agreement is a draft again.",
                        null));
        on(
                SubmittedForAdoption.class,
                (e, a) -> new Wording(
                        "Textversion " + e.textVersion() + " (" + hash(e.textSha256())
                                + ") skickades till parterna för antagande.",
                        "Text version " + e.textVersion() + " (" + hash(e.textSha256())
                                + ") was submitted to the parties for adoption.",
                        null));
        on(
                AgreementSigned.class,
                (e, a) -> new Wording(
                        a.name(e.partyId()) + " undertecknade " + subjectSv(e.textVersion(), e.amendmentId() != null)
                                + " den "
                                + sv(e.signedOn()) + " genom " + e.signatory().name() + " ("
                                + e.signatory().title() + ")"
                                + (e.place() == null ? "" : " i " + e.place()) + "."
                                + (e.counts() ? "" : " Underskriften gäller en tidigare textversion och räknas inte.")
                                + restsOnSv(e.document()),
                        a.name(e.partyId()) + " signed " + subjectEn(e.textVersion(), e.amendmentId() != null) + " on "
                                + en(e.signedOn()) + ", by " + e.signatory().name() + " ("
                                + e.signatory().title() + ")"
                                + (e.place() == null ? "" : " in " + e.place()) + "."
                                + (e.counts() ? "" : " The signature names an earlier text version and does not count.")
                                + restsOnEn(e.document()),
                        null));
        on(BoardDecisionRecorded.class, HistoryWording::decision);
        on(AppealRecorded.class, (e, a) -> {
            String court = e.court() == null ? "" : " (" + e.court() + ")";
            return switch (e.outcome()) {
                case LODGED ->
                    new Wording(
                            "Beslutet av " + a.name(e.partyId()) + " överklagades (laglighetsprövning) den "
                                    + sv(e.on()) + court + ".",
                            "The decision of " + a.name(e.partyId()) + " was appealed on " + en(e.on()) + court + ".",
                            e.caseNumber());
                case DISMISSED ->
                    new Wording(
                            "Överklagandet av beslutet av " + a.name(e.partyId()) + " avslogs den " + sv(e.on()) + court
                                    + "; beslutet står fast.",
                            "The appeal against the decision of " + a.name(e.partyId()) + " was dismissed on "
                                    + en(e.on()) + court + "; the decision stands.",
                            e.caseNumber());
                case ANNULLED ->
                    new Wording(
                            "Beslutet av " + a.name(e.partyId()) + " upphävdes den " + sv(e.on()) + court
                                    + "; antagandet räknas inte längre.",
                            "The decision of " + a.name(e.partyId()) + " was annulled on " + en(e.on()) + court
                                    + "; the adoption no longer counts.",
                            e.caseNumber());
            };
        });
        on(
                AgreementEnteredIntoForce.class,
                (e, a) -> new Wording(
                        capital(kindSv(a.kind())) + " trädde i kraft den " + sv(e.effectiveFrom()) + " (textversion "
                                + e.textVersion() + ") sedan samtliga parter godkänt den.",
                        capital(kindEn(a.kind())) + " entered into force on " + en(e.effectiveFrom())
                                + " (text version " + e.textVersion() + ") once every party had approved it.",
                        null));
        on(
                AmendmentProposed.class,
                (e, a) -> new Wording(
                        "En ändring föreslogs: textversion " + e.textVersion() + " ("
                                + hash(e.text().sha256()) + ")"
                                + (e.summary() == null ? "" : ", " + e.summary())
                                + ". Den gällande versionen gäller tills alla parter godkänt ändringen.",
                        "An amendment was proposed: text version " + e.textVersion() + " ("
                                + hash(e.text().sha256()) + ")"
                                + (e.summary() == null ? "" : ", " + e.summary())
                                + ". The version in force stays in force until every party has approved it.",
                        null));
        on(
                AmendmentEnteredIntoForce.class,
                (e, a) -> new Wording(
                        "Ändringen trädde i kraft den " + sv(e.effectiveFrom()) + "; textversion " + e.textVersion()
                                + " gäller.",
                        "The amendment entered into force on " + en(e.effectiveFrom()) + "; text version "
                                + e.textVersion() + " is in force.",
                        null));
        on(
                ReviewScheduled.class,
                (e, a) -> new Wording(
                        meetingSv(e.kind()) + (e.title() == null ? "" : " \"" + e.title() + "\"") + " planerades till "
                                + sv(e.startsAt()) + " i " + e.location() + ", med "
                                + e.reviewers().size() + " deltagare.",
                        meetingEn(e.kind()) + (e.title() == null ? "" : " \"" + e.title() + "\"")
                                + " was scheduled for " + en(e.startsAt()) + " in " + e.location() + ", with "
                                + e.reviewers().size() + (e.reviewers().size() == 1 ? " reviewer." : " reviewers."),
                        null));
        on(
                ReviewHeld.class,
                (e, a) -> new Wording(
                        meetingSv(e.kind()) + (e.title() == null ? "" : " \"" + e.title() + "\"") + " hölls den "
                                + sv(e.heldOn()) + (e.location() == null ? "" : " i " + e.location()) + ": "
                                + sentence(e.summary())
                                + " Beslut: " + decisionSv(e.decision()) + "."
                                + restsOnSv(e.document()),
                        meetingEn(e.kind()) + (e.title() == null ? "" : " \"" + e.title() + "\"") + " was held on "
                                + en(e.heldOn()) + (e.location() == null ? "" : " in " + e.location()) + ": "
                                + sentence(e.summary())
                                + " Decision: " + decisionEn(e.decision()) + "."
                                + restsOnEn(e.document()),
                        null));
        on(
                ReviewRescheduled.class,
                (e, a) -> new Wording(
                        "Mötet flyttades till " + sv(e.startsAt()) + (e.location() == null ? "" : " i " + e.location())
                                + (e.reason() == null ? "" : " (" + clause(e.reason()) + ")") + ".",
                        "The meeting was moved to " + en(e.startsAt())
                                + (e.location() == null ? "" : " in " + e.location())
                                + (e.reason() == null ? "" : " (" + clause(e.reason()) + ")") + ".",
                        null));
        on(
                ReviewCancelled.class,
                (e, a) -> new Wording(
                        "Mötet ställdes in: " + sentence(e.reason()),
                        "The meeting was cancelled: " + sentence(e.reason()),
                        null));
        on(
                ReviewOutcomeRecorded.class,
                (e, a) -> new Wording(
                        "Mötet hölls den " + sv(e.heldOn()) + ": " + sentence(e.summary()) + " Beslut: "
                                + decisionSv(e.decision()) + "." + restsOnSv(e.document()),
                        "The meeting was held on " + en(e.heldOn()) + ": " + sentence(e.summary()) + " Decision: "
                                + decisionEn(e.decision()) + "." + restsOnEn(e.document()),
                        null));
        on(
                DocumentAttached.class,
                (e, a) -> new Wording(
                        "Dokumentet \"" + e.title() + "\" bifogades som " + documentKindSv(e.kind()) + " ("
                                + e.mediaType() + ", " + size(e.size()) + ", " + hash(e.sha256()) + ").",
                        "The document \"" + e.title() + "\" was attached as " + documentKindEn(e.kind()) + " ("
                                + e.mediaType() + ", " + size(e.size()) + ", " + hash(e.sha256()) + ").",
                        null));
        on(
                TextDescriptionCorrected.class,
                (e, a) -> new Wording(
                        "Beskrivningen av textversion " + e.textVersion() + " rättades: \""
                                + e.text().title() + "\" ("
                                + described(e.text()) + "), samma text."
                                + (e.note() == null ? "" : " Anteckning: " + sentence(e.note())),
                        "The description of text version " + e.textVersion() + " was corrected: \""
                                + e.text().title() + "\" (" + described(e.text()) + "), the same text."
                                + (e.note() == null ? "" : " Note: " + sentence(e.note())),
                        null));
        on(
                DocumentCorrected.class,
                (e, a) -> new Wording(
                        "Beskrivningen av dokumentet " + hash(e.sha256()) + " rättades: \"" + e.title() + "\", "
                                + documentKindSv(e.kind()) + " (" + e.mediaType()
                                + (e.uri() == null ? "" : ", " + e.uri()) + "), samma fil.",
                        "The description of the document " + hash(e.sha256()) + " was corrected: \"" + e.title()
                                + "\", " + documentKindEn(e.kind()) + " (" + e.mediaType()
                                + (e.uri() == null ? "" : ", " + e.uri()) + "), the same file.",
                        null));
        on(
                TerminationDecided.class,
                (e, a) -> new Wording(
                        capital(kindSv(a.kind())) + " sades upp och upphör den " + sv(e.effectiveOn())
                                + "; det gäller till dess: " + sentence(e.reason()),
                        capital(kindEn(a.kind())) + " was terminated as of " + en(e.effectiveOn())
                                + " and stays in force until then: " + sentence(e.reason()),
                        null));
        on(AgreementLinked.class, (e, a) -> {
            String other = e.otherTitle() != null ? e.otherTitle() : "avtal " + e.otherAgreementId();
            String otherEn = e.otherTitle() != null ? e.otherTitle() : "agreement " + e.otherAgreementId();
            return new Wording(
                    capital(kindSv(a.kind())) + " kopplades " + linkSv(e.type()) + " " + other + ".",
                    capital(kindEn(a.kind())) + " was linked " + linkEn(e.type()) + " " + otherEn + ".",
                    null);
        });
        on(
                NoticeGiven.class,
                (e, a) -> new Wording(
                        a.name(e.partyId()) + " sade upp sitt deltagande den " + sv(e.givenOn())
                                + " och lämnar avtalet den " + sv(e.leavesOn())
                                + (e.reason() == null ? "" : " (" + clause(e.reason()) + ")") + ".",
                        a.name(e.partyId()) + " gave notice on " + en(e.givenOn()) + " and leaves the agreement on "
                                + en(e.leavesOn()) + (e.reason() == null ? "" : " (" + clause(e.reason()) + ")") + ".",
                        null));
        on(
                PartyLeft.class,
                (e, a) -> new Wording(
                        a.name(e.partyId()) + " lämnade avtalet den " + sv(e.leftOn())
                                + " när uppsägningstiden löpt ut.",
                        a.name(e.partyId()) + " left the agreement on " + en(e.leftOn())
                                + " when its notice period ended.",
                        null));
        on(
                PartyRemoved.class,
                (e, a) -> new Wording(
                        a.name(e.partyId()) + " togs bort som part"
                                + (e.reason() == null ? "." : ": " + sentence(e.reason())),
                        a.name(e.partyId()) + " was removed as a party"
                                + (e.reason() == null ? "." : ": " + sentence(e.reason())),
                        null));
        on(
                AgreementTerminated.class,
                (e, a) -> e.cause() == TerminationCause.TOO_FEW_PARTIES
                        ? new Wording(
                                capital(kindSv(a.kind())) + " upphörde den " + sv(e.effectiveOn())
                                        + " eftersom färre än två parter återstod.",
                                capital(kindEn(a.kind())) + " ended on " + en(e.effectiveOn())
                                        + " because fewer than two parties remained.",
                                null)
                        : new Wording(
                                capital(kindSv(a.kind())) + " upphörde den " + sv(e.effectiveOn())
                                        + " efter uppsägning: " + sentence(e.reason()),
                                capital(kindEn(a.kind())) + " ended on " + en(e.effectiveOn()) + ", terminated: "
                                        + sentence(e.reason()),
                                null));
        on(
                AgreementExpired.class,
                (e, a) -> new Wording(
                        capital(kindSv(a.kind())) + " löpte ut den " + sv(e.endedOn()) + " när avtalstiden tog slut.",
                        capital(kindEn(a.kind())) + " expired on " + en(e.endedOn()) + " at the end of its term.",
                        null));
        on(
                DraftAbandoned.class,
                (e, a) -> new Wording(
                        "Utkastet lades ned" + (e.reason() == null ? "." : ": " + sentence(e.reason())),
                        "The draft was abandoned" + (e.reason() == null ? "." : ": " + sentence(e.reason())),
                        null));
        on(
                AgreementArchived.class,
                (e, a) -> new Wording(
                        capital(kindSv(a.kind())) + " arkiverades och kan inte längre ändras.",
                        capital(kindEn(a.kind())) + " was archived and can no longer be changed.",
                        null));
    }

    private HistoryWording() {}

    static String described(se.coop.api.AgreementText text) {
        StringBuilder described = new StringBuilder();
        for (String part : new String[] {
            text.mediaType(), text.size() == null ? null : size(text.size()), text.uri(), hash(text.sha256())
        }) {
            if (part != null) {
                described.append(described.length() == 0 ? "" : ", ").append(part);
            }
        }
        return described.toString();
    }

    static Set<Class<?>> handledTypes() {
        return Set.copyOf(WORDS.keySet());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Wording of(AgreementEvent stored, Agreement agreement) {
        // a user's text is set apart from Coop's words around it, so a direction control in it cannot turn them
        AgreementEvent event = Bidi.isolated(stored);
        Words words = WORDS.get(event.getClass());
        Wording wording = words.of(event, agreement);
        return wording.withDanish(DanishWording.of(event, agreement));
    }

    /**
     * A recipient's address in words: by contact, a mark the reader fills in with the address the register holds then
     * (so the stored wording holds no address); in an event written before the register, the address it holds.
     */
    private static String address(Participant recipient) {
        if (recipient.contactId() != null) {
            return " (" + Contact.mark(recipient.contactId()) + ")";
        }
        return recipient.email() == null ? "" : " (" + recipient.email() + ")";
    }

    /** The contacts whose addresses a stored wording marks. */
    static List<ContactId> marked(String wording) {
        List<ContactId> ids = new ArrayList<>();
        if (wording != null && wording.indexOf('\u001C') >= 0) {
            Matcher marks = Contact.MARK.matcher(wording);
            while (marks.find()) {
                ids.add(ContactId.of(marks.group(1)));
            }
        }
        return ids;
    }

    /** A stored wording with each contact's address as looked up ({@link #marked}), or "erased contact". */
    static String addresses(String wording, Map<ContactId, Contact> contacts) {
        return addresses(wording, contacts, "en");
    }

    /** The same, an erased contact in the words of {@code language} (sv, da or en). */
    static String addresses(String wording, Map<ContactId, Contact> contacts, String language) {
        if (wording == null || wording.indexOf('\u001C') < 0) {
            return wording;
        }
        return Contact.MARK
                .matcher(wording)
                .replaceAll(
                        mark -> Matcher.quoteReplacement(shown(contacts.get(ContactId.of(mark.group(1))), language)));
    }

    /** A contact's address now, or that it was erased, in words of {@code language}. */
    private static String shown(Contact contact, String language) {
        if (contact != null && !contact.erased()) {
            return contact.email();
        }
        return switch (language) {
            case "sv" -> "raderad kontakt";
            case "da" -> "slettet kontakt";
            default -> Contact.ERASED;
        };
    }

    /** An issued reminder: to whom, about what, how long before. */
    static Wording reminder(ReviewReminderIssued issued) {
        ReviewReminderIssued e = Bidi.isolated(issued);
        String to = e.recipients().stream().map(r -> r.name() + address(r)).collect(Collectors.joining(", "));
        String before = e.offsetDays() == 0 ? "" : " (" + e.offsetDays() + " dagar före)";
        String beforeEn = e.offsetDays() == 0 ? "" : " (" + e.offsetDays() + " days ahead)";
        return reminderSvEn(e, to, before, beforeEn).withDanish(DanishWording.reminder(e, to));
    }

    private static Wording reminderSvEn(ReviewReminderIssued e, String to, String before, String beforeEn) {
        return switch (e.subject()) {
            case MEETING ->
                new Wording(
                        "Påminnelse" + before + " om mötet " + sv(e.dueAt())
                                + (e.location() == null ? "" : " i " + e.location()) + " skickades till " + to + ".",
                        "A reminder" + beforeEn + " of the meeting on " + en(e.dueAt())
                                + (e.location() == null ? "" : " in " + e.location()) + " was issued to " + to + ".",
                        null);
            case OVERDUE_REVIEW ->
                new Wording(
                        "Påminnelse till " + to
                                + ": ingen årlig uppföljning är hållen eller planerad inom avtalets intervall.",
                        "A reminder was issued to " + to
                                + ": no annual review is held or scheduled within the agreement's" + " cadence.",
                        null);
            case COUNCIL_REPORT ->
                new Wording(
                        "Påminnelse" + before + " till " + to
                                + ": årlig redovisning till fullmäktige (KL 9 kap. 38 §) senast "
                                + sv(e.dueAt().toLocalDate()) + ".",
                        "A reminder" + beforeEn + " was issued to " + to
                                + ": the yearly report to the council (KL 9:38) is" + " due by "
                                + en(e.dueAt().toLocalDate()) + ".",
                        null);
        };
    }

    private static Wording decision(BoardDecisionRecorded e, Agreement a) {
        String reference = ValueChecks.caseReference(e.caseNumber(), e.paragraph());
        StringBuilder sv = new StringBuilder(e.body() + " i " + a.name(e.partyId()) + " " + outcomeSv(e.outcome()) + " "
                + subjectSv(e.textVersion(), e.amendmentId() != null) + " den " + sv(e.decidedOn()) + " ("
                + reference + ").");
        StringBuilder en = new StringBuilder(e.body() + " of " + a.name(e.partyId()) + " " + outcomeEn(e.outcome())
                + " "
                + subjectEn(e.textVersion(), e.amendmentId() != null) + " on " + en(e.decidedOn()) + " (" + reference
                + ").");
        if (!e.dissents().isEmpty()) {
            sv.append(" Reservationer: ")
                    .append(String.join("; ", e.dissents()))
                    .append('.');
            en.append(" Dissents: ").append(String.join("; ", e.dissents())).append('.');
        }
        if (e.minutesPostedOn() != null) {
            sv.append(" Protokollet anslogs den ").append(sv(e.minutesPostedOn()));
            en.append(" The minutes were posted on ").append(en(e.minutesPostedOn()));
            if (e.appealWindowEndsOn() != null) {
                sv.append("; sista dag att överklaga är ").append(sv(e.appealWindowEndsOn()));
                en.append("; the last day to appeal is ").append(en(e.appealWindowEndsOn()));
            }
            sv.append('.');
            en.append('.');
        }
        if (!e.counts()) {
            sv.append(" Beslutet räknas inte: det gäller en tidigare textversion eller är inte fattat av partens"
                    + " beslutande organ.");
            en.append(" The decision does not count: it names an earlier text version or was not made by the"
                    + " party's adopting body.");
        }
        sv.append(restsOnSv(e.document()));
        en.append(restsOnEn(e.document()));
        return new Wording(sv.toString(), en.toString(), reference);
    }

    /** " Underlag: protokollsutdrag 1a2b3c…." for an act resting on a document; nothing for one resting on none. */
    private static String restsOnSv(DocumentRef document) {
        return document == null
                ? ""
                : " Underlag: " + documentKindSv(document.kind()) + " " + hash(document.sha256()) + ".";
    }

    private static String restsOnEn(DocumentRef document) {
        return document == null
                ? ""
                : " It rests on the " + documentKindEn(document.kind()) + " " + hash(document.sha256()) + ".";
    }

    /** A kind of document in Swedish, as a noun without article: "protokollsutdrag", "avtalstext" … */
    public static String documentKindSv(DocumentKind kind) {
        return switch (kind) {
            case AGREEMENT_TEXT -> "avtalstext";
            case SIGNED_COPY -> "undertecknat exemplar";
            case MINUTES_EXTRACT -> "protokollsutdrag";
            case DECISION_NOTICE -> "beslutsmeddelande";
            case REVIEW_MINUTES -> "mötesprotokoll";
            case FINAL_REPORT -> "slutrapport";
            case OTHER -> "övrig handling";
        };
    }

    /** A kind of document in English, as a noun without article: "minutes extract", "agreement text" … */
    public static String documentKindEn(DocumentKind kind) {
        return switch (kind) {
            case AGREEMENT_TEXT -> "agreement text";
            case SIGNED_COPY -> "signed copy";
            case MINUTES_EXTRACT -> "minutes extract";
            case DECISION_NOTICE -> "decision notice";
            case REVIEW_MINUTES -> "meeting minutes";
            case FINAL_REPORT -> "final report";
            case OTHER -> "other document";
        };
    }

    /** What a board did, in Swedish: "antog", "avslog" … */
    public static String outcomeSv(BoardOutcome outcome) {
        return switch (outcome) {
            case ADOPTED -> "antog";
            case REJECTED -> "avslog";
            case REFERRED_BACK -> "återremitterade";
            case TABLED -> "bordlade";
        };
    }

    private static String outcomeEn(BoardOutcome outcome) {
        return switch (outcome) {
            case ADOPTED -> "adopted";
            case REJECTED -> "rejected";
            case REFERRED_BACK -> "referred back";
            case TABLED -> "tabled";
        };
    }

    private static String subjectSv(int textVersion, boolean amendment) {
        return (amendment ? "ändringen, textversion " : "textversion ") + textVersion;
    }

    private static String subjectEn(int textVersion, boolean amendment) {
        return (amendment ? "the amendment, text version " : "text version ") + textVersion;
    }

    static String kindSv(AgreementKind kind) {
        return switch (kind) {
            case LETTER_OF_INTENT -> "avsiktsförklaringen";
            case COOPERATION_AGREEMENT -> "samverkansavtalet";
            case JOINT_STRATEGY -> "den gemensamma strategin";
            case PROJECT -> "projektet";
            case AVTALSSAMVERKAN -> "avtalssamverkan";
        };
    }

    static String kindEn(AgreementKind kind) {
        return switch (kind) {
            case LETTER_OF_INTENT -> "the letter of intent";
            case COOPERATION_AGREEMENT -> "the cooperation agreement";
            case JOINT_STRATEGY -> "the joint strategy";
            case PROJECT -> "the project";
            case AVTALSSAMVERKAN -> "the contractual cooperation";
        };
    }

    private static String meetingSv(ReviewKind kind) {
        return kind == ReviewKind.ANNUAL_REVIEW ? "Årlig uppföljning" : "Möte";
    }

    private static String meetingEn(ReviewKind kind) {
        return kind == ReviewKind.ANNUAL_REVIEW ? "An annual review" : "A meeting";
    }

    private static String decisionSv(ReviewDecision decision) {
        return switch (decision) {
            case CONTINUE -> "samarbetet fortsätter";
            case AMEND -> "avtalet ska ändras";
            case TERMINATE -> "avtalet ska avslutas";
        };
    }

    private static String decisionEn(ReviewDecision decision) {
        return switch (decision) {
            case CONTINUE -> "the cooperation continues";
            case AMEND -> "the agreement is to be amended";
            case TERMINATE -> "the agreement is to be ended";
        };
    }

    private static String linkSv(LinkType type) {
        return switch (type) {
            case PART_OF -> "som del av";
            case SUCCEEDS -> "som efterföljare till";
            case ANNEX_TO -> "som bilaga till";
        };
    }

    private static String linkEn(LinkType type) {
        return switch (type) {
            case PART_OF -> "as part of";
            case SUCCEEDS -> "as the successor of";
            case ANNEX_TO -> "as an annex to";
        };
    }

    private static String changedSv(DraftRevised e) {
        return List.of(
                        e.title() == null ? "" : "titel",
                        e.focusAreas() == null ? "" : "fokusområden",
                        e.term() == null ? "" : "avtalstid")
                .stream()
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining(", "));
    }

    private static String changedEn(DraftRevised e) {
        return List.of(
                        e.title() == null ? "" : "title",
                        e.focusAreas() == null ? "" : "focus areas",
                        e.term() == null ? "" : "term")
                .stream()
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining(", "));
    }

    static String names(List<?> partyIds, Agreement a) {
        return partyIds.stream().map(a::name).collect(Collectors.joining(", "));
    }

    static String hash(String sha256) {
        return ValueChecks.shortHash(sha256) + "…";
    }

    static String size(long bytes) {
        if (bytes >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
        }
        if (bytes >= 1_000) {
            return String.format(Locale.ROOT, "%.0f kB", bytes / 1_000.0);
        }
        return bytes + " B";
    }

    private static String sv(LocalDate date) {
        return SV_DATE.format(date);
    }

    private static String en(LocalDate date) {
        return EN_DATE.format(date);
    }

    private static String sv(OffsetDateTime at) {
        OffsetDateTime local = at.atZoneSameInstant(BusinessTime.ZONE).toOffsetDateTime();
        return SV_DATE.format(local) + " kl. " + TIME.format(local);
    }

    private static String en(OffsetDateTime at) {
        OffsetDateTime local = at.atZoneSameInstant(BusinessTime.ZONE).toOffsetDateTime();
        return EN_DATE.format(local) + " at " + TIME.format(local);
    }

    /** Free text as a sentence of its own: ends with a full stop unless it already ends with punctuation. */
    static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.matches(".*[.!?]$") ? trimmed : trimmed + ".";
    }

    /** Text to stand inside a sentence: without the full stop it may end with. */
    static String clause(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
