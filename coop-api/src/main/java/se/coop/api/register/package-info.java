/**
 * The party register: the organisations agreements are made between — every Swedish and Danish municipality and
 * region, seeded from their publishers' code lists, and the universities, companies and associations a secretariat
 * adds — for drafting to pick from. An agreement keeps the party's id and name as they were when it was drafted.
 */
package se.coop.api.register;
