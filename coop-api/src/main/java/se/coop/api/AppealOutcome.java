package se.coop.api;

/** Where an appeal against a Swedish board decision stands (rule 12): lodged, then dismissed or annulled. */
public enum AppealOutcome {
    LODGED,
    DISMISSED,
    ANNULLED
}
