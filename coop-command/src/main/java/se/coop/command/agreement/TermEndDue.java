package se.coop.command.agreement;

import java.time.LocalDate;

/** Deadline payload: the last day of a fixed-term agreement has passed. */
public record TermEndDue(LocalDate endsOn) {}
