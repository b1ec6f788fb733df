package io.accord.platform.outbound;

import io.accord.platform.problem.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Partner-chosen addresses: what production accepts, what development adds, and the check before each call. */
class OutboundTargetsTests {

    private final OutboundTargets production = new OutboundTargets(new OutboundProperties(false, false));
    private final OutboundTargets development = new OutboundTargets(new OutboundProperties(true, false));
    private final OutboundTargets plainHttp = new OutboundTargets(new OutboundProperties(true, true));

    @ParameterizedTest
    @ValueSource(strings = {"https://partner.example.com/listener", "https://93.184.215.14:8443/x?y=1",
            "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/cb"})
    void productionAcceptsHttpsToPublicTargets(String url) {
        assertThat(production.check("callback", url).toString()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://10.1.2.3/x", "https://172.16.0.1/x", "https://192.168.1.1/x",
            "https://169.254.169.254/latest/meta-data", "https://127.0.0.1/x", "https://0.0.0.0/x",
            "https://100.64.0.1/x", "https://[::1]/x", "https://[fd00::1]/x", "https://[fe80::1]/x",
            "https://[::ffff:10.0.0.1]/x", "https://localhost/x", "https://api.localhost./x",
            "http://localhost:8080/cb", "http://127.0.0.1/cb", "https://224.0.0.1/x", "https://255.255.255.255/x"})
    void productionRefusesPrivateLoopbackAndLinkLocalTargetsNamingTheField(String url) {
        assertThatThrownBy(() -> production.check("callback", url))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("callback"));
    }

    /** An IPv4 address written in another form than the dotted quad is judged like one, not as a host name. */
    @ParameterizedTest
    @ValueSource(strings = {"https://2130706433/x", "https://0x7f000001/x", "https://0X7F000001/x",
            "https://0177.0.0.1/x", "https://017700000001/x", "https://0x7f.0.0.1/x", "https://127.0.0.01/x",
            "https://2852039166/latest/meta-data", "https://0xa9fea9fe/x", "https://167772161/x", "https://0/x",
            "https://3232235777./x", "https://4294967295/x"})
    void productionRefusesAddressesInDecimalOctalOrHexFormsToo(String url) {
        assertThatThrownBy(() -> production.check("callback", url))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("callback"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://1572394766/x", "https://0x5db8d70e/x", "https://93.0184.215.014/x",
            "https://1.2.3.example.com/x", "https://4294967296.example/x", "https://99999999999/x"})
    void productionAcceptsPublicAddressesInOtherFormsAndNamesThatOnlyLookNumeric(String url) {
        assertThat(production.check("callback", url).toString()).isEqualTo(url);
    }

    @Test
    void anAddressWithALeadingZeroIsReadBothWays() {
        assertThat(OutboundTargets.literals("2130706433")).extracting(InetAddress::getHostAddress)
                .containsExactly("127.0.0.1");
        assertThat(OutboundTargets.literals("0177.0.0.1")).extracting(InetAddress::getHostAddress)
                .containsExactly("127.0.0.1", "177.0.0.1");
        assertThat(OutboundTargets.literals("10.1")).extracting(InetAddress::getHostAddress)
                .containsExactly("10.0.0.1");
        assertThat(OutboundTargets.literals("partner.example.com")).isEmpty();
        assertThat(OutboundTargets.literals("1.2.3.4.5")).isEmpty();
        assertThat(OutboundTargets.literals("256.1.1.1")).isEmpty();
        assertThat(OutboundTargets.literals("08.1.1.1")).extracting(InetAddress::getHostAddress)
                .containsExactly("8.1.1.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://partner.example.com/listener", "http://10.0.0.1/cb", "http://128.0.0.1/cb",
            "http://localhost.example.com/cb", "ftp://partner.example.com/x", "mailto:ops@example.com",
            "/relative", "https://user:secret@partner.example.com/x", "https://partner.example.com/x#frag",
            "https:///no-host", "not a url", " "})
    void refusesWhatIsNotAnHttpsUrlEvenInDevelopment(String url) {
        assertThatThrownBy(() -> development.check("url", url))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("url"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/cb", "http://127.0.0.1/cb", "http://127.1.2.3:9/cb",
            "http://[::1]:9/cb", "http://api.localhost/cb", "https://10.1.2.3/x"})
    void developmentAcceptsThisMachineAndPrivateNetworks(String url) {
        assertThat(development.check("callback", url).toString()).isEqualTo(url);
    }

    @Test
    void plainHttpAnywhereOnlyWhenAllowed() {
        assertThat(plainHttp.check("callback", "http://partner.example.com/cb").getHost())
                .isEqualTo("partner.example.com");
        assertThatThrownBy(() -> plainHttp.check("callback", "ftp://partner.example.com/cb"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void beforeEachCallANameThatResolvesToThisMachineIsRefusedInProductionOnly() throws UnknownHostException {
        URI resolvesToLoopback = URI.create("https://localhost.:8443/cb");
        assertThat(production.refusal(resolvesToLoopback)).isPresent();
        // a plain name (no "localhost" in it) passes registration; the lookup before the call finds where it points
        String ownName = InetAddress.getLocalHost().getHostName();
        assumeThat(OutboundTargets.isPublic(InetAddress.getByName(ownName))).as("this machine has a private address")
                .isFalse();
        assertThat(production.refusal(URI.create("https://" + ownName + "/cb"))).get().asString()
                .contains("resolves to");
        assertThat(production.refusal(URI.create("https://127.0.0.1/cb"))).get().asString()
                .contains("not a public address");
        assertThat(development.refusal(resolvesToLoopback)).isEmpty();
    }

    @Test
    void aRefusalGivesThePartnerAReasonWithoutAddressesAndTheLogTheDetail() {
        OutboundTargets.Refusal loopback = production.refuse(URI.create("https://127.0.0.1:8443/cb")).orElseThrow();
        assertThat(loopback.reason()).isEqualTo("the callback's address is not a public address")
                .doesNotContain("127.0.0.1");
        assertThat(loopback.detail()).contains("127.0.0.1");
        OutboundTargets.Refusal byName = production.refuse(URI.create("https://api.localhost./cb")).orElseThrow();
        assertThat(byName.reason()).isEqualTo(OutboundTargets.Refusal.NOT_PUBLIC);
        assertThat(byName.detail()).contains("api.localhost");
        OutboundTargets.Refusal unknown = production.refuse(URI.create("https://no-such-host.invalid/cb"))
                .orElseThrow();
        assertThat(unknown.reason()).isEqualTo("the callback's host cannot be resolved")
                .doesNotContain("no-such-host");
        assertThat(unknown.detail()).contains("no-such-host.invalid");
        assertThat(production.refusal(URI.create("https://127.0.0.1:8443/cb"))).contains(loopback.detail());
        assertThat(development.refuse(URI.create("https://127.0.0.1:8443/cb"))).isEmpty();
    }

    @Test
    void publicAddressesAreTheInternetsOnly() throws UnknownHostException {
        assertThat(OutboundTargets.isPublic(InetAddress.getByName("93.184.215.14"))).isTrue();
        assertThat(OutboundTargets.isPublic(InetAddress.getByName("2606:4700::1111"))).isTrue();
        for (String address : new String[]{"10.0.0.1", "172.31.255.255", "192.168.0.1", "127.0.0.1", "169.254.1.1",
                "0.1.2.3", "100.127.255.255", "192.0.0.8", "198.18.0.1", "240.0.0.1", "::", "::1", "fc00::1",
                "fe80::1", "ff02::1", "::ffff:192.168.1.1", "64:ff9b::a00:1"}) {
            assertThat(OutboundTargets.isPublic(InetAddress.getByName(address))).as(address).isFalse();
        }
    }
}
