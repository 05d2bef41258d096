package se.coop.query.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;

/**
 * Where a webhook may be sent: the one rule, checked when a subscription is made and again at every delivery. An
 * endpoint is an absolute https URL without user info; its host must resolve to public addresses only — never
 * loopback, link-local (169.254.169.254, where clouds keep their metadata), private, carrier-grade NAT, unique-local,
 * multicast or unspecified ones — unless the host is one of {@code coop.webhooks.allowed-local-hosts}, which may also
 * use plain http. At delivery the host is resolved once, each address checked, and the connection made to those very
 * addresses ({@link #resolve}): a name that resolves elsewhere the second time (DNS rebinding) cannot slip past, and a
 * refused address is never connected to.
 */
@Component
public class WebhookAddresses {

    private final Set<String> allowedLocalHosts;

    public WebhookAddresses(@Value("${coop.webhooks.allowed-local-hosts:}") List<String> allowedLocalHosts) {
        this.allowedLocalHosts = allowedLocalHosts.stream()
                .map(String::strip)
                .filter(host -> !host.isEmpty())
                .map(host -> host.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A refused endpoint or address: the reason says which rule it breaks. */
    public static final class Refused extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }
    }

    /** The endpoint of a new subscription, checked; refused as a {@code VALIDATION_FAILED} problem on {@code url}. */
    public URI endpoint(String url) {
        try {
            URI uri = syntax(url);
            resolve(uri.getHost());
            return uri;
        } catch (Refused e) {
            throw new CoopProblem(ErrorCode.VALIDATION_FAILED, e.getMessage(), "url");
        } catch (UnknownHostException e) {
            throw new CoopProblem(
                    ErrorCode.VALIDATION_FAILED, "Its host " + e.getMessage() + " does not resolve.", "url");
        }
    }

    /** The URL's form: absolute, https (http for an allowed local host), a host, no user info or fragment. */
    URI syntax(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("It is not a URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new Refused("It must be an absolute https URL with a host.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("It must not carry a user name or password: Coop signs what it sends instead.");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("It must not have a fragment.");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new Refused("Its port must be 1 to 65535.");
        }
        boolean allowed = allowed(uri.getHost());
        if (!scheme.equals("https") && !(scheme.equals("http") && allowed)) {
            throw new Refused(
                    "It must use https (plain http only for the hosts in coop.webhooks.allowed-local-hosts).");
        }
        return uri;
    }

    /**
     * Resolves {@code host} once and answers its addresses, every one of them allowed; the delivery connects to these
     * and no others.
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = bare(host);
        InetAddress[] addresses = InetAddress.getAllByName(name);
        if (allowed(name)) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            String why = notPublic(address);
            if (why != null) {
                throw new Refused("Its host " + name + " resolves to " + address.getHostAddress() + ", " + why
                        + ": Coop sends webhooks to public addresses only.");
            }
        }
        return addresses;
    }

    private boolean allowed(String host) {
        return allowedLocalHosts.contains(bare(host).toLowerCase(Locale.ROOT));
    }

    /** A host as a URI gives it, an IPv6 literal without its brackets. */
    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Why the address is not a public one, or null when it is. */
    static String notPublic(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "an unspecified address";
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address (where cloud metadata services answer)";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return notPublicV4(bytes);
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return "a unique-local address";
            }
            if ((bytes[0] & 0xff) == 0x20 && (bytes[1] & 0xff) == 0x01 && bytes[2] == 0 && bytes[3] == 0) {
                return "a Teredo tunnel address";
            }
            if ((bytes[0] & 0xff) == 0x20 && (bytes[1] & 0xff) == 0x02) {
                // 6to4: the IPv4 address it stands for follows the prefix
                return embedded(bytes, 2);
            }
            if (startsWith(bytes, 0x00, 0x64, 0xff, 0x9b) && bytes[4] == 0 && bytes[5] == 0) {
                // the well-known NAT64 prefix 64:ff9b::/96: the IPv4 address is the last four bytes
                return embedded(bytes, 12);
            }
            if (startsWith(bytes, 0x00, 0x64, 0xff, 0x9b) && bytes[4] == 0 && bytes[5] == 1) {
                return "a local-use NAT64 address";
            }
            boolean zeros = true;
            for (int i = 0; i < 10; i++) {
                zeros &= bytes[i] == 0;
            }
            boolean mapped = zeros && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
            boolean compatible = zeros && bytes[10] == 0 && bytes[11] == 0;
            if (mapped || compatible) {
                // ::ffff:a.b.c.d and the older ::a.b.c.d
                return embedded(bytes, 12);
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Why the IPv4 address held in {@code bytes} from {@code at} is not public, or null. */
    private static String embedded(byte[] bytes, int at) {
        try {
            String why = notPublic(
                    InetAddress.getByAddress(new byte[] {bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]}));
            return why == null ? null : why + " (within an IPv6 address)";
        } catch (UnknownHostException e) {
            return "an address that cannot be read";
        }
    }

    private static String notPublicV4(byte[] bytes) {
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        if (first == 0) {
            return "an address of this network";
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return "a carrier-grade NAT address";
        }
        if (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) {
            return "an IETF protocol address";
        }
        if (first == 198 && (second == 18 || second == 19)) {
            return "a benchmarking address";
        }
        if (first >= 240) {
            return "a reserved address";
        }
        return null;
    }
}
