package se.coop.command.agreement;

import java.time.LocalDate;

/** Deadline payload: the day a decided termination takes effect has come. */
public record TerminationDue(LocalDate effectiveOn) {}
