package se.coop.query;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's name where it records what it is doing (a background extract it makes, a webhook delivery it claims):
 * {@code coop.node-id} when configured, else the JVM's {@code pid@host}.
 */
@Component
public class NodeName {

    private final String name;

    NodeName(@Value("${coop.node-id:}") String nodeId) {
        this.name = nodeId.isBlank() ? pidAtHost() : nodeId;
    }

    public String name() {
        return name;
    }

    /** This JVM's {@code pid@host}, whatever the configured name. */
    public static String pidAtHost() {
        return ProcessHandle.current().pid() + "@" + hostName();
    }

    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
