package se.coop.query.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookAddressesTest {

    private final WebhookAddresses addresses = new WebhookAddresses(List.of("receiver.test"));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.8.9.10",
                "0.0.0.0",
                "10.1.2.3",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.0.1",
                "169.254.169.254",
                "100.64.0.1",
                "100.127.255.254",
                "192.0.0.8",
                "198.18.0.1",
                "224.0.0.1",
                "240.0.0.1",
                "255.255.255.255",
                "::1",
                "::",
                "fe80::1",
                "fc00::1",
                "fd12:3456::1",
                "ff02::1",
                "::ffff:127.0.0.1",
                "::ffff:169.254.169.254",
                "::ffff:10.0.0.1",
                "::127.0.0.1",
                "64:ff9b::7f00:1",
                "64:ff9b::a9fe:a9fe",
                "64:ff9b:1::1",
                "2002:7f00:1::",
                "2002:a00:1::1",
                "2001:0:4136:e378:8000:63bf:3fff:fdd2"
            })
    void noAddressThatIsNotPublicIsAllowed(String literal) throws UnknownHostException {
        assertThat(WebhookAddresses.notPublic(InetAddress.getByName(literal)))
                .as(literal)
                .isNotNull();
        assertThatThrownBy(() -> addresses.resolve(literal)).isInstanceOf(WebhookAddresses.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "93.184.215.14",
                "1.1.1.1",
                "172.32.0.1",
                "100.128.0.1",
                "2606:4700::1111",
                "64:ff9b::5db8:d70e",
                "2002:5db8:d70e::1"
            })
    void publicAddressesAre(String literal) throws UnknownHostException {
        assertThat(WebhookAddresses.notPublic(InetAddress.getByName(literal)))
                .as(literal)
                .isNull();
    }

    @Test
    void anAllowedHostMayBeLocalAndUsePlainHttp() throws UnknownHostException {
        assertThat(addresses.syntax("http://receiver.test:8080/hooks").getHost())
                .isEqualTo("receiver.test");
        assertThatThrownBy(() -> addresses.syntax("http://example.org/hooks")).hasMessageContaining("https");
        assertThatThrownBy(() -> addresses.syntax("https://user:secret@example.org/hooks"))
                .hasMessageContaining("user name");
        assertThatThrownBy(() -> addresses.syntax("hooks/relative")).hasMessageContaining("absolute");
        assertThatThrownBy(() -> addresses.syntax("https://example.org:0/hooks"))
                .hasMessageContaining("port");
        assertThatThrownBy(() -> addresses.syntax("https://example.org:99999/hooks"))
                .hasMessageContaining("port");
    }
}
