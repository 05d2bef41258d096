package se.coop.app.security;

/** The four roles of docs/api.md. */
public enum Role {
    SECRETARIAT,
    AUDITOR,
    REVIEWER,
    OPERATOR
}
