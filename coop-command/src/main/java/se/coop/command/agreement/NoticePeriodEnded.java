package se.coop.command.agreement;

import se.coop.api.PartyId;

/** Deadline payload: a party's notice period has passed, so it leaves the agreement. */
public record NoticePeriodEnded(PartyId partyId) {}
