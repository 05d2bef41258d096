/**
 * The contact register: reviewers' and reminder recipients' e-mail addresses, kept out of the event streams (whose
 * every byte is permanent) so they can be corrected and erased (docs/decisions/0007).
 */
package se.coop.api.contact;
