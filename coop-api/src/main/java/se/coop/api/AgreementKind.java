package se.coop.api;

/** What kind of cooperation document an agreement is; bindingness is a separate attribute (rule 13). */
public enum AgreementKind {
    LETTER_OF_INTENT,
    COOPERATION_AGREEMENT,
    JOINT_STRATEGY,
    PROJECT,
    AVTALSSAMVERKAN
}
