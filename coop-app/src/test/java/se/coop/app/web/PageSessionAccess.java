package se.coop.app.web;

/** A signed-in page read for tests outside this package ({@link PageSession} is the package's own). */
public final class PageSessionAccess {

    private final int port;

    public PageSessionAccess(int port) {
        this.port = port;
    }

    /** The page at {@code path} as {@code user} sees it. */
    public String signedIn(String user, String path) {
        return new PageSession(port).signIn(user).get(path).body();
    }
}
