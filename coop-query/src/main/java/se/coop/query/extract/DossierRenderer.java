package se.coop.query.extract;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a dossier as a PDF/A-2b document for people (the web module renders it from its templates); the JSON form
 * needs no renderer.
 */
public interface DossierRenderer {

    void pdf(Dossier dossier, OutputStream out) throws IOException;
}
