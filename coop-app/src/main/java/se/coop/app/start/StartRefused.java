package se.coop.app.start;

/**
 * Coop will not start as configured: why, in one sentence, and what to do about it. {@link StartRefusalAnalyzer}
 * prints the two alone, however deep in Spring's bean creation the refusal was thrown.
 */
public class StartRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String action;

    public StartRefused(String reason, String action) {
        super(reason);
        this.action = action;
    }

    public StartRefused(String reason, String action, Throwable cause) {
        super(reason, cause);
        this.action = action;
    }

    public String reason() {
        return getMessage();
    }

    public String action() {
        return action;
    }
}
