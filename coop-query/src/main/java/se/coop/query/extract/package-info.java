/**
 * The record leaving Coop, each with its proof: an agreement's audit dossier (JSON, and PDF/A through a renderer),
 * the register as CSV or Excel, and the e-archive package (E-ARK SIP per FGS).
 */
package se.coop.query.extract;
