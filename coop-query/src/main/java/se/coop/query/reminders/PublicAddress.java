package se.coop.query.reminders;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where links in calendars and mails point: {@code coop.reminders.public-url} when configured (behind a proxy, the
 * address people use); else, in answer to a request, the address the request came to (forwarded headers count only
 * where {@code server.forward-headers-strategy} says so); else the address and port this node actually listens on.
 */
@Component
public class PublicAddress implements ApplicationListener<WebServerInitializedEvent> {

    private final String configured;
    private final String serverAddress;
    private volatile int port = 8080;

    PublicAddress(ReminderSettings settings, @Value("${server.address:}") String serverAddress) {
        this.configured = settings.publicUrl();
        this.serverAddress = serverAddress;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if ("server".equals(event.getApplicationContext().getServerNamespace())
                || event.getApplicationContext().getServerNamespace() == null) {
            port = event.getWebServer().getPort();
        }
    }

    /** The base address when no request is at hand (a mail). */
    public String base() {
        return configured != null ? configured : "http://" + host() + ":" + port;
    }

    /** The base address in answer to {@code request}. */
    public String base(HttpServletRequest request) {
        if (configured != null) {
            return configured;
        }
        String fromRequest =
                ServletUriComponentsBuilder.fromContextPath(request).toUriString();
        // a request without a usable Host header says nothing about where Coop is
        return request.getServerName() == null || request.getServerName().isBlank() ? base() : fromRequest;
    }

    /** The agreement's page, for people reading a mail. */
    public String agreementLink(String agreementId) {
        return agreementPage(base(), agreementId);
    }

    /** The page of an agreement under {@code base}: where a person following a link from a mail or calendar lands. */
    public static String agreementPage(String base, String agreementId) {
        return base + "/agreements/" + agreementId;
    }

    private String host() {
        String host = serverAddress == null || serverAddress.isBlank() ? "0.0.0.0" : serverAddress;
        try {
            InetAddress address = InetAddress.getByName(host);
            if (address.isAnyLocalAddress()) {
                return InetAddress.getLocalHost().getCanonicalHostName();
            }
            String literal = address.getHostAddress();
            return literal.contains(":") ? "[" + literal + "]" : host;
        } catch (UnknownHostException e) {
            return host;
        }
    }
}
