package se.coop.api;

/** The approvals a party must give before an agreement can enter into force (rule 2). */
public enum ApprovalType {
    SIGNATURE,
    BOARD_ADOPTION
}
