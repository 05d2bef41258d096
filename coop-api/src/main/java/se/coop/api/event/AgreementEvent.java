package se.coop.api.event;

import se.coop.api.AgreementId;

/** The closed set of events in an agreement's stream; every read model handles the ones it needs. */
public sealed interface AgreementEvent
        permits AgreementArchived,
                AgreementEnteredIntoForce,
                AgreementExpired,
                AgreementLinked,
                AgreementSigned,
                AgreementTerminated,
                AmendmentEnteredIntoForce,
                AmendmentProposed,
                AppealRecorded,
                ApprovalsVoided,
                BoardDecisionRecorded,
                DocumentAttached,
                DocumentCorrected,
                DraftAbandoned,
                DraftRevised,
                IntentDrafted,
                NoticeGiven,
                PartyLeft,
                PartyRemoved,
                ReviewCancelled,
                ReviewHeld,
                ReviewOutcomeRecorded,
                ReviewRescheduled,
                ReviewScheduled,
                SubmittedForAdoption,
                TerminationDecided,
                TextDescriptionCorrected {

    AgreementId agreementId();
}
