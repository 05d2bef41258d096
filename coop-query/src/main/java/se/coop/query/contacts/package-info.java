/** The read models' and the delivery ledger's side of the contact register (docs/decisions/0007). */
package se.coop.query.contacts;
