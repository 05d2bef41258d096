package se.coop.api;

/** How an agreement relates to another cooperation (rule 14). */
public enum LinkType {
    PART_OF,
    SUCCEEDS,
    ANNEX_TO
}
