/** The dossier as a PDF/A-2b document, rendered from a server-side template like the pages. */
package se.coop.web.extract;
