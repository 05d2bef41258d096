/** The reviews read model: the meetings of every agreement, with their reviewers and the reminders issued. */
package se.coop.query.reviews;
