/** The history read model: every decision of an agreement in order, in plain Swedish and English. */
package se.coop.query.history;
