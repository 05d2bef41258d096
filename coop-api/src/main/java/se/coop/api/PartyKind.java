package se.coop.api;

/** What kind of body a party is. */
public enum PartyKind {
    MUNICIPALITY,
    REGION,
    UNIVERSITY,
    COMPANY,
    AUTHORITY,
    OTHER
}
