package se.coop.query.extract;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a dossier as a PDF/A-2b document for people (the web module renders it from its templates); the JSON form
 * needs no renderer.
 */
public interface DossierRenderer {

    /**
     * Told of a render's progress after each part of it; throwing stops the render (a client that has gone, a job
     * cancelled).
     */
    @FunctionalInterface
    interface Progress {
        Progress NONE = (done, total) -> {};

        void partDone(int done, int total) throws IOException;
    }

    default void pdf(Dossier dossier, OutputStream out) throws IOException {
        pdf(dossier, out, Progress.NONE);
    }

    /** Writes the dossier's PDF to {@code out}, telling {@code progress} after each part. */
    void pdf(Dossier dossier, OutputStream out, Progress progress) throws IOException;

    /** The number of parts {@code dossier} is rendered in, as {@link Progress} counts them. */
    int parts(Dossier dossier);

    /** The rows {@code dossier} has (each section's heading counts as one): what its render takes time for. */
    int rows(Dossier dossier);
}
