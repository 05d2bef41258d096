package se.coop.api.query;

import java.util.List;

/** Meetings in a window, earliest first. */
public record ReviewList(List<ReviewView> content) {}
