/** Commands' reviewers and reminder recipients referred to by contact, never by address (docs/decisions/0007). */
package se.coop.command.contacts;
