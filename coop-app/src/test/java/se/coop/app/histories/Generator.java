package se.coop.app.histories;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import se.coop.api.AgreementId;
import se.coop.api.AgreementKind;
import se.coop.api.AgreementState;
import se.coop.api.AgreementText;
import se.coop.api.AmendmentId;
import se.coop.api.AppealOutcome;
import se.coop.api.ApprovalType;
import se.coop.api.BoardOutcome;
import se.coop.api.BusinessTime;
import se.coop.api.DecisionId;
import se.coop.api.DocumentId;
import se.coop.api.LinkType;
import se.coop.api.LocalizedText;
import se.coop.api.Party;
import se.coop.api.PartyId;
import se.coop.api.PartyKind;
import se.coop.api.ReviewDecision;
import se.coop.api.ReviewId;
import se.coop.api.ReviewKind;
import se.coop.api.ReviewOutcome;
import se.coop.api.Reviewer;
import se.coop.api.Signatory;
import se.coop.api.Term;
import se.coop.api.command.AbandonDraft;
import se.coop.api.command.AdoptByBoard;
import se.coop.api.command.ArchiveAgreement;
import se.coop.api.command.AttachDocument;
import se.coop.api.command.CancelReview;
import se.coop.api.command.DraftIntent;
import se.coop.api.command.GiveNotice;
import se.coop.api.command.LinkAgreement;
import se.coop.api.command.ProposeAmendment;
import se.coop.api.command.RecordAppeal;
import se.coop.api.command.RecordHeldReview;
import se.coop.api.command.RecordReviewOutcome;
import se.coop.api.command.RemoveParty;
import se.coop.api.command.RescheduleReview;
import se.coop.api.command.ReviseDraft;
import se.coop.api.command.ScheduleAnnualReview;
import se.coop.api.command.SignAgreement;
import se.coop.api.command.SubmitForAdoption;
import se.coop.api.command.TerminateAgreement;

/**
 * Generates the lifecycle of one agreement as a user of Coop might record it — several parties, Swedish and Danish;
 * signatures and board decisions of every outcome on current and superseded texts; appeals; revisions; amendments;
 * notices, removals, meetings scheduled, moved, cancelled and held; terminations — with the clock moving between
 * them. Mostly sensible, sometimes not: a step the rules refuse is as useful as one they accept. Seeded: the same seed
 * gives the same history.
 */
final class Generator {

    /** One step of a history: at {@code at}, send {@code command} (none: only time passes). */
    record Step(Instant at, Object command) {
        @Override
        public String toString() {
            return at + "  " + (command == null ? "(time passes)" : command);
        }
    }

    private final Random random;
    private final Knowledge known = new Knowledge();

    Generator(long seed) {
        this.random = new Random(seed);
    }

    /** What the generator has learnt of its agreement from the commands it sent and their outcomes. */
    static final class Knowledge {
        AgreementId agreementId;
        final List<Party> parties = new ArrayList<>();
        final List<String> texts = new ArrayList<>();
        String draftSha;
        String roundSha;
        String amendmentSha;
        Term term;
        final List<DecisionId> decisions = new ArrayList<>();
        final Map<ReviewId, OffsetDateTime> meetings = new LinkedHashMap<>();
        final Map<ReviewId, List<OffsetDateTime>> earlierTimes = new LinkedHashMap<>();
        final Map<String, Long> documents = new LinkedHashMap<>();
    }

    Knowledge knowledge() {
        return known;
    }

    /** The first step: the letter of intent, drafted at {@code now}. */
    Step draft(Instant now) {
        known.agreementId = new AgreementId(uuid());
        int count = 2 + random.nextInt(3);
        for (int i = 1; i <= count; i++) {
            boolean swedish = random.nextInt(10) < 6;
            List<ApprovalType> requires = switch (random.nextInt(3)) {
                case 0 -> List.of(ApprovalType.SIGNATURE);
                case 1 -> List.of(ApprovalType.BOARD_ADOPTION);
                default -> null;
            };
            known.parties.add(new Party(
                    PartyId.strict("p" + i),
                    (swedish ? "Kommun " : "Kommune ") + i,
                    pick(PartyKind.MUNICIPALITY, PartyKind.REGION, PartyKind.UNIVERSITY),
                    swedish ? "SE" : "DK",
                    body(i, swedish),
                    requires,
                    i == 1));
        }
        LocalDate today = today(now);
        known.term = term(today);
        List<Integer> offsets =
                random.nextBoolean() ? null : pickSome(List.of(0, 1, 3, 7, 14, 30, 60), 1 + random.nextInt(3));
        AgreementText text = newText();
        known.draftSha = text.sha256();
        return new Step(
                now,
                new DraftIntent(
                        known.agreementId,
                        LocalizedText.sv("Samverkan "
                                + known.agreementId.value().toString().substring(0, 8)),
                        pick(AgreementKind.values()),
                        random.nextBoolean(),
                        List.copyOf(known.parties),
                        List.of(),
                        known.term,
                        1 + random.nextInt(18),
                        offsets,
                        null,
                        text));
    }

    /**
     * The next step, chosen for the state the agreement is shown in; {@code now} is the history's clock. Time passes
     * before about half the steps.
     */
    Step next(Instant now, AgreementState state) {
        Instant at = random.nextInt(2) == 0 ? now.plus(pause()) : now;
        LocalDate today = today(at);
        List<Weighted> choices = new ArrayList<>();
        switch (state == null ? AgreementState.ARCHIVED : state) {
            case DRAFT -> {
                choices.add(new Weighted(6, () -> new SubmitForAdoption(known.agreementId)));
                choices.add(new Weighted(4, () -> revise(today)));
                choices.add(new Weighted(1, () -> removeParty()));
                choices.add(new Weighted(1, () -> sign(today)));
                choices.add(new Weighted(1, () -> attach()));
                choices.add(new Weighted(0.1, () -> new AbandonDraft(known.agreementId, "Projektet läggs ned")));
            }
            case AWAITING_APPROVAL -> {
                choices.add(new Weighted(6, () -> sign(today)));
                choices.add(new Weighted(8, () -> adopt(today)));
                choices.add(new Weighted(3, () -> appeal(today)));
                choices.add(new Weighted(1.5, () -> revise(today)));
                choices.add(new Weighted(1, () -> removeParty()));
                choices.add(new Weighted(0.5, () -> attach()));
                choices.add(new Weighted(0.05, () -> new AbandonDraft(known.agreementId, "Projektet läggs ned")));
            }
            case IN_FORCE -> {
                choices.add(new Weighted(4, () -> schedule(at)));
                choices.add(new Weighted(3, () -> reschedule(at)));
                choices.add(new Weighted(1, () -> cancel()));
                choices.add(new Weighted(2, () -> outcome(today)));
                choices.add(new Weighted(1.5, () -> held(today)));
                choices.add(new Weighted(2, () -> propose()));
                choices.add(new Weighted(3, () -> sign(today)));
                choices.add(new Weighted(4, () -> adopt(today)));
                choices.add(new Weighted(2, () -> appeal(today)));
                choices.add(new Weighted(1, () -> notice(today)));
                choices.add(new Weighted(0.6, () -> terminate(today)));
                choices.add(new Weighted(0.5, () -> attach()));
                choices.add(new Weighted(0.3, () -> link()));
                choices.add(new Weighted(0.3, () -> removeParty()));
            }
            default -> {
                choices.add(new Weighted(2, () -> new ArchiveAgreement(known.agreementId)));
                choices.add(new Weighted(1, () -> outcome(today)));
                choices.add(new Weighted(1, () -> held(today)));
                choices.add(new Weighted(0.5, () -> sign(today)));
                choices.add(new Weighted(0.5, () -> appeal(today)));
                choices.add(new Weighted(0.3, () -> attach()));
            }
        }
        return new Step(at, choose(choices).make().get());
    }

    /** What an accepted command teaches the generator. */
    void accepted(Object command) {
        if (command instanceof ReviseDraft c && !c.text().sha256().equals(known.draftSha)) {
            known.draftSha = c.text().sha256();
            if (c.term() != null) {
                known.term = c.term();
            }
        } else if (command instanceof ReviseDraft c && c.term() != null) {
            known.term = c.term();
        } else if (command instanceof SubmitForAdoption) {
            known.roundSha = known.draftSha;
        } else if (command instanceof AdoptByBoard c) {
            known.decisions.add(c.decisionId());
        } else if (command instanceof ProposeAmendment c) {
            known.amendmentSha = c.text().sha256();
        } else if (command instanceof ScheduleAnnualReview c) {
            known.meetings.put(c.reviewId(), c.startsAt());
        } else if (command instanceof RescheduleReview c) {
            known.earlierTimes
                    .computeIfAbsent(c.reviewId(), r -> new ArrayList<>())
                    .add(known.meetings.get(c.reviewId()));
            known.meetings.put(c.reviewId(), c.startsAt());
        } else if (command instanceof AttachDocument c) {
            known.documents.putIfAbsent(c.sha256(), c.size());
        }
    }

    // ------------------------------------------------------------------ the commands

    private Object revise(LocalDate today) {
        int kind = random.nextInt(10);
        if (kind < 6) {
            AgreementText text = newText();
            return new ReviseDraft(known.agreementId, text, null, null, null, "Ny version");
        }
        AgreementText same = new AgreementText(known.draftSha, "Rättad titel " + random.nextInt(100), null, null, null);
        if (kind < 8) {
            return new ReviseDraft(known.agreementId, same, null, null, null, "Titeln rättad");
        }
        Term term = term(today);
        return new ReviseDraft(known.agreementId, same, null, null, term, "Ny avtalstid");
    }

    private Object removeParty() {
        return new RemoveParty(known.agreementId, party().partyId(), "Parten avstår");
    }

    private Object sign(LocalDate today) {
        Party party = party();
        return new SignAgreement(
                known.agreementId,
                party.partyId(),
                approvalText(),
                new Signatory("Ordförande " + party.partyId(), "Kommunstyrelsens ordförande"),
                random.nextInt(20) == 0 ? today.plusDays(1) : today.minusDays(random.nextInt(20)),
                null,
                null);
    }

    private Object adopt(LocalDate today) {
        int index = random.nextInt(known.parties.size());
        Party party = known.parties.get(index);
        int outcome = random.nextInt(100);
        BoardOutcome result = outcome < 70
                ? BoardOutcome.ADOPTED
                : outcome < 85
                        ? BoardOutcome.REJECTED
                        : outcome < 93 ? BoardOutcome.REFERRED_BACK : BoardOutcome.TABLED;
        LocalDate decidedOn = today.minusDays(random.nextInt(40));
        LocalDate posted = null;
        if (random.nextInt(100) < (party.inSweden() ? 75 : 10)) {
            posted = decidedOn.plusDays(random.nextInt(8));
            if (posted.isAfter(today)) {
                posted = today;
            }
        }
        int bodyChoice = random.nextInt(20);
        String body = bodyChoice < 17
                ? party.adoptingBody()
                : bodyChoice < 19
                        ? "Ankestyrelsen"
                        : "  " + party.adoptingBody().toUpperCase(java.util.Locale.ROOT);
        return new AdoptByBoard(
                known.agreementId,
                new DecisionId(uuid()),
                party.partyId(),
                approvalText(),
                body,
                decidedOn,
                "KS " + today.getYear() + "/" + random.nextInt(1000),
                random.nextBoolean() ? "§ " + random.nextInt(200) : null,
                result,
                null,
                posted,
                null);
    }

    private Object appeal(LocalDate today) {
        if (known.decisions.isEmpty()) {
            return adopt(today);
        }
        DecisionId decision = known.decisions.get(random.nextInt(known.decisions.size()));
        int outcome = random.nextInt(10);
        AppealOutcome result =
                outcome < 5 ? AppealOutcome.LODGED : outcome < 8 ? AppealOutcome.DISMISSED : AppealOutcome.ANNULLED;
        return new RecordAppeal(
                known.agreementId,
                decision,
                result,
                today.minusDays(random.nextInt(30)),
                "Förvaltningsrätten i Malmö",
                null);
    }

    private Object schedule(Instant now) {
        List<Reviewer> reviewers = new ArrayList<>();
        int count = 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            reviewers.add(reviewer(party()));
        }
        return new ScheduleAnnualReview(
                known.agreementId,
                new ReviewId(uuid()),
                random.nextInt(4) == 0 ? ReviewKind.MEETING : ReviewKind.ANNUAL_REVIEW,
                meetingTime(now),
                "Stadshuset",
                reviewers,
                null);
    }

    private Object reschedule(Instant now) {
        if (known.meetings.isEmpty()) {
            return schedule(now);
        }
        ReviewId review = meeting();
        List<OffsetDateTime> earlier = known.earlierTimes.getOrDefault(review, List.of()).stream()
                .filter(t -> t.toInstant().isAfter(now))
                .toList();
        int choice = random.nextInt(10);
        OffsetDateTime startsAt = choice < 2
                ? known.meetings.get(review)
                : choice < 4 && !earlier.isEmpty() ? earlier.get(random.nextInt(earlier.size())) : meetingTime(now);
        return new RescheduleReview(
                known.agreementId,
                review,
                startsAt,
                random.nextBoolean() ? "Rum " + random.nextInt(10) : null,
                "Krock i kalendern");
    }

    private Object cancel() {
        if (known.meetings.isEmpty()) {
            return propose();
        }
        return new CancelReview(known.agreementId, meeting(), "Inställt");
    }

    private Object outcome(LocalDate today) {
        if (known.meetings.isEmpty()) {
            return held(today);
        }
        ReviewId review = meeting();
        LocalDate meetingDay = LocalDate.ofInstant(known.meetings.get(review).toInstant(), BusinessTime.ZONE);
        LocalDate heldOn = random.nextBoolean() ? meetingDay : today.minusDays(random.nextInt(40));
        return new RecordReviewOutcome(
                known.agreementId, review, heldOn, "Samverkan fortsätter", ReviewDecision.CONTINUE, null);
    }

    private Object held(LocalDate today) {
        List<Reviewer> reviewers = new ArrayList<>();
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            reviewers.add(reviewer(party()));
        }
        return new RecordHeldReview(
                known.agreementId,
                new ReviewId(uuid()),
                random.nextInt(4) == 0 ? ReviewKind.MEETING : ReviewKind.ANNUAL_REVIEW,
                today.minusDays(random.nextInt(400)),
                null,
                reviewers,
                new ReviewOutcome("Genomgång av året", ReviewDecision.CONTINUE),
                null,
                null);
    }

    private Object propose() {
        int kind = random.nextInt(10);
        AgreementText text = kind < 2 && known.amendmentSha != null
                ? new AgreementText(known.amendmentSha, "Tillägg", "application/pdf", 1000L, null)
                : newText();
        return new ProposeAmendment(known.agreementId, new AmendmentId(uuid()), text, "Tillägg om finansiering");
    }

    private Object notice(LocalDate today) {
        return new GiveNotice(known.agreementId, party().partyId(), today.minusDays(random.nextInt(90)), "Uppsägning");
    }

    private Object terminate(LocalDate today) {
        return new TerminateAgreement(
                known.agreementId, "Styrgruppen avslutar samverkan", today.plusDays(random.nextInt(260) - 60));
    }

    private Object attach() {
        String sha;
        if (!known.documents.isEmpty() && random.nextBoolean()) {
            sha = new ArrayList<>(known.documents.keySet()).get(random.nextInt(known.documents.size()));
        } else {
            sha = sha();
        }
        long size = known.documents.getOrDefault(sha, 1000L + random.nextInt(1000));
        if (random.nextInt(10) == 0) {
            size++;
        }
        return new AttachDocument(
                known.agreementId,
                new DocumentId(uuid()),
                "Protokoll " + random.nextInt(5),
                sha,
                "application/pdf",
                size,
                null,
                null);
    }

    private Object link() {
        return new LinkAgreement(known.agreementId, pick(LinkType.values()), null, "Skåne Nordost");
    }

    // ------------------------------------------------------------------ parts

    private String approvalText() {
        int choice = random.nextInt(20);
        String round = known.amendmentSha != null && choice < 14 ? known.amendmentSha : known.roundSha;
        if (choice < 16 && round != null) {
            return round;
        }
        if (choice < 18 && !known.texts.isEmpty()) {
            return known.texts.get(random.nextInt(known.texts.size()));
        }
        if (choice < 19) {
            return known.draftSha;
        }
        return sha();
    }

    private AgreementText newText() {
        String sha = sha();
        known.texts.add(sha);
        return new AgreementText(sha, "Avsiktsförklaring", "application/pdf", 1000L + random.nextInt(9000), null);
    }

    private Term term(LocalDate today) {
        LocalDate startsOn = random.nextInt(3) == 0 ? null : today.plusDays(random.nextInt(120) - 60);
        boolean untilFurtherNotice = random.nextInt(10) < 6;
        LocalDate base = startsOn == null ? today : startsOn;
        LocalDate endsOn = untilFurtherNotice ? null : base.plusDays(60 + random.nextInt(700));
        return new Term(startsOn, endsOn, untilFurtherNotice, random.nextInt(13), random.nextInt(10) < 4);
    }

    private Reviewer reviewer(Party party) {
        return new Reviewer("Granskare " + party.partyId(), party.partyId() + "@example.se", party.partyId());
    }

    private Party party() {
        return known.parties.get(random.nextInt(known.parties.size()));
    }

    private ReviewId meeting() {
        List<ReviewId> ids = new ArrayList<>(known.meetings.keySet());
        return ids.get(random.nextInt(ids.size()));
    }

    /** A meeting's time: from hours to more than a year ahead, in office hours (Europe/Stockholm). */
    private OffsetDateTime meetingTime(Instant now) {
        int[] days = {0, 2, 5, 9, 20, 35, 60, 120, 300, 500};
        ZonedDateTime day = now.atZone(BusinessTime.ZONE).plusDays(days[random.nextInt(days.length)]);
        ZonedDateTime at = day.with(LocalTime.of(8 + random.nextInt(10), random.nextInt(4) * 15));
        if (!at.toInstant().isAfter(now)) {
            at = at.plusDays(1);
        }
        return at.toOffsetDateTime();
    }

    private Duration pause() {
        return switch (random.nextInt(6)) {
            case 0 -> Duration.ofMinutes(1 + random.nextInt(120));
            case 1 -> Duration.ofHours(1 + random.nextInt(48));
            case 2 -> Duration.ofDays(1 + random.nextInt(7));
            case 3 -> Duration.ofDays(7 + random.nextInt(21));
            case 4 -> Duration.ofDays(20 + random.nextInt(60));
            default -> Duration.ofDays(60 + random.nextInt(200));
        };
    }

    private static String body(int party, boolean swedish) {
        return swedish ? "Kommunfullmäktige " + party : "Byrådet " + party;
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, BusinessTime.ZONE);
    }

    private String sha() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    private <T> List<T> pickSome(List<T> values, int count) {
        List<T> pool = new ArrayList<>(values);
        List<T> picked = new ArrayList<>();
        for (int i = 0; i < count && !pool.isEmpty(); i++) {
            picked.add(pool.remove(random.nextInt(pool.size())));
        }
        return picked;
    }

    private record Weighted(double weight, Supplier<Object> make) {}

    private Weighted choose(List<Weighted> choices) {
        double total = choices.stream().mapToDouble(Weighted::weight).sum();
        double at = random.nextDouble() * total;
        for (Weighted choice : choices) {
            at -= choice.weight();
            if (at < 0) {
                return choice;
            }
        }
        return choices.get(choices.size() - 1);
    }
}
