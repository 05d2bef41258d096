package se.coop.query.extract;

import java.io.IOException;
import se.coop.api.query.AgreementStatusView;

/** Writes the register as a table, a row at a time: its header first, then each agreement, then {@link #finish}. */
interface RegisterWriter {

    void row(AgreementStatusView agreement) throws IOException;

    void finish() throws IOException;
}
