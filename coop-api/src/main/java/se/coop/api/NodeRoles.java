package se.coop.api;

/**
 * What a Coop node does, from {@code coop.roles}: {@code command} (the command API, aggregates and reminder planning),
 * {@code query} (the read models, the read API, calendars and reminder delivery), or both — the default. Any number of
 * nodes of either kind share one PostgreSQL. The constants are Spring conditions for the beans of each role.
 */
public final class NodeRoles {

    public static final String PROPERTY = "coop.roles";
    public static final String DEFAULT = "command,query";

    /** True on a node that takes commands. */
    public static final String COMMAND = "#{'${coop.roles:command,query}'.toLowerCase().contains('command')}";

    /** True on a node that keeps and serves the read models. */
    public static final String QUERY = "#{'${coop.roles:command,query}'.toLowerCase().contains('query')}";

    private NodeRoles() {}
}
