package se.coop.query.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.coop.api.AgreementKind;
import se.coop.api.AgreementState;
import se.coop.api.AppealOutcome;
import se.coop.api.BoardOutcome;
import se.coop.api.DocumentKind;
import se.coop.api.DocumentRef;
import se.coop.api.FocusArea;
import se.coop.api.Funding;
import se.coop.api.LocalizedText;
import se.coop.api.Party;
import se.coop.api.ReviewKind;
import se.coop.api.Term;
import se.coop.api.query.DocumentView;
import se.coop.api.query.LinkView;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the status fold knows of one agreement after the events so far. Stored as JSON per agreement, so the live
 * projection continues where it stopped; rendering it for a given day gives the status view. Rows written by earlier
 * versions of Coop are read as they are: fields only ever come, never go or change their meaning.
 */
final class StatusState {
    /**
     * Reads a fold back exactly as it was written: a meeting's time keeps its offset, so a fold is the same whether
     * its events were applied in one batch or across several (as in a rebuild and live, respectively).
     */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    static StatusState fromJson(String fold) {
        StatusState state = JSON.readValue(fold, StatusState.class);
        if (state.decidedTerminationOn == null
                && state.terminatesOn != null
                && !fold.contains("decidedTerminationOn")) {
            // a row written before notices could end an agreement: its terminatesOn was a decided termination's
            state.decidedTerminationOn = state.terminatesOn;
        }
        return state;
    }

    String toJson() {
        return JSON.writeValueAsString(this);
    }

    public String agreementId;
    public long version;
    public long position;
    public Instant createdAt;
    public Instant updatedAt;
    public AgreementState state;
    public AgreementKind kind;
    public boolean binding;
    public LocalizedText title;
    public List<Party> parties = new ArrayList<>();
    public Map<String, Participation> participation = new LinkedHashMap<>();
    public List<String> textVersions = new ArrayList<>();
    public int inForceVersion;
    public LocalDate effectiveFrom;
    public LocalDate endedOn;
    public String endReason;
    public LocalDate terminatesOn;
    /** A decided termination's day (terminatesOn is the earlier of it and the day notices end the agreement). */
    public LocalDate decidedTerminationOn;

    public List<FocusArea> focusAreas = new ArrayList<>();
    public Term term;
    public int reviewCadenceMonths;
    public List<Integer> reminderOffsetsDays = new ArrayList<>();
    public Funding funding;
    public Round round;
    public Round amendment;
    public String amendmentSummary;
    public List<LinkView> links = new ArrayList<>();
    public List<DocumentView> documents = new ArrayList<>();
    /** The documents its signatures, board decisions and meetings rest on (none in rows of earlier versions). */
    public List<DocumentRef> actDocuments = new ArrayList<>();

    public Map<String, Meeting> meetings = new LinkedHashMap<>();
    /** The latest appeal step per decision (as earlier versions of Coop kept it), and every step. */
    public Map<String, Appeal> appeals = new HashMap<>();

    public Map<String, List<Appeal>> appealSteps = new HashMap<>();
    public long decisionsRecorded;
    /** The day of the latest board decision of any party, counted or not (null in rows of earlier versions). */
    public LocalDate latestDecisionOn;

    /** A document the agreement names, as a document of {@code kind}. */
    record Name(String sha256, DocumentKind kind) {}

    /** Whether the documents the agreement names changed while this fold was in memory (never stored). */
    transient boolean namesChanged;

    /**
     * Every document the agreement names, once per kind it names it as: its text versions, the documents attached to
     * it, and those its acts rest on. Made of what rows of earlier versions hold too.
     */
    Set<Name> names() {
        Set<Name> names = new LinkedHashSet<>();
        for (String text : textVersions) {
            names.add(new Name(text, DocumentKind.AGREEMENT_TEXT));
        }
        for (DocumentView document : documents) {
            names.add(new Name(document.sha256(), document.kind()));
        }
        for (DocumentRef document : actDocuments) {
            names.add(new Name(document.sha256(), document.kind()));
        }
        return names;
    }

    /** Where a party stands in the agreement beyond its approvals (stored by these names). */
    enum PartyStanding {
        ACTIVE,
        /** It gave notice; it leaves on {@code leavesOn}. */
        LEAVING,
        LEFT,
        REMOVED
    }

    /** A party's part in the agreement beyond its approvals. */
    static final class Participation {
        public PartyStanding status = PartyStanding.ACTIVE;
        public LocalDate leavesOn;
    }

    /** Where a meeting stands (stored by these names). */
    enum MeetingStatus {
        SCHEDULED,
        HELD,
        CANCELLED
    }

    /** The approvals given for one text version. */
    static final class Round {
        public String sha256;
        public int textVersion;
        public String amendmentId;
        public Map<String, LocalDate> signedOn = new HashMap<>();
        public Map<String, List<Decision>> decisions = new HashMap<>();
    }

    /** A board decision that counts for a round. */
    static final class Decision {
        public String decisionId;
        public String body;
        public BoardOutcome outcome;
        public LocalDate decidedOn;
        public long order;
        public String caseNumber;
        public String paragraph;
        public LocalDate appealWindowEndsOn;
    }

    static final class Appeal {
        public AppealOutcome outcome;
        public LocalDate on;
    }

    static final class Meeting {
        public ReviewKind kind;
        public MeetingStatus status;
        public OffsetDateTime startsAt;
        public String location;
        public LocalDate heldOn;
    }
}
