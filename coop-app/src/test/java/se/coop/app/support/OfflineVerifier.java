package se.coop.app.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import se.coop.verify.Verify;

/** coop-verify run as an auditor runs it on the command line: its exit code and what it printed. */
public final class OfflineVerifier {

    public record Run(int exit, String output) {}

    private OfflineVerifier() {}

    /** Runs coop-verify with these arguments (files and paths as their text). */
    public static Run run(Object... arguments) {
        String[] args = new String[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            args[i] = arguments[i].toString();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Verify.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8));
    }
}
