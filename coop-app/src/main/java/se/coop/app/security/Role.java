package se.coop.app.security;

/** The four roles of API.md. */
public enum Role {
    SECRETARIAT,
    AUDITOR,
    REVIEWER,
    OPERATOR
}
