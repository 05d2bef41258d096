/** The pages themselves: the register, an agreement, the calendar, the operator's view and sign-in. */
package se.coop.web.pages;
