package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import vn.quizfest.server.web.LanAddress.Nic;

/** Where join links point: the public URL, the address the browser used, or the LAN address instead of localhost. */
class JoinLinksTest {

	static InetAddress ip(String address) {
		try {
			return InetAddress.getByName(address);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	static final List<Nic> LAPTOP = List.of(new Nic("lo", true, true, List.of(ip("127.0.0.1"), ip("::1"))),
			new Nic("docker0", true, false, List.of(ip("172.17.0.1"))),
			new Nic("wlp2s0", true, false, List.of(ip("fe80::1"), ip("192.168.1.20"))));

	static MockHttpServletRequest request(String scheme, String host, int port) {
		var request = new MockHttpServletRequest("GET", "/api/pins/482913");
		request.setScheme(scheme);
		request.setServerName(host);
		request.setServerPort(port);
		return request;
	}

	static JoinLinks links(String publicUrl, List<Nic> nics) {
		return new JoinLinks(new JoinLinkSettings(publicUrl), new LanAddress(() -> nics));
	}

	@Test
	void theConsoleOnLocalhostGivesPhonesTheLaptopsNetworkAddress() {
		for (String host : List.of("localhost", "127.0.0.1", "127.1.2.3", "[::1]", "::1")) {
			JoinLinks.Base base = links("", LAPTOP).base(request("http", host, 8080));
			assertThat(base.url()).as(host).isEqualTo("http://192.168.1.20:8080");
			assertThat(base.host()).isEqualTo("192.168.1.20:8080");
			assertThat(base.join("482913")).isEqualTo("http://192.168.1.20:8080/join/482913");
		}
	}

	@Test
	void anAddressPhonesCanReachIsKeptAsTheBrowserUsedIt() {
		assertThat(links("", LAPTOP).base(request("http", "192.168.1.20", 8080)).url()).isEqualTo("http://192.168.1.20:8080");
		assertThat(links("", LAPTOP).base(request("https", "quiz.truong-kimdong.edu.vn", 443)).url())
			.isEqualTo("https://quiz.truong-kimdong.edu.vn");
		assertThat(links("", LAPTOP).base(request("http", "127.example.vn", 80)).url()).isEqualTo("http://127.example.vn");
	}

	@Test
	void withoutANetworkAddressLocalhostStays() {
		List<Nic> offline = List.of(new Nic("lo", true, true, List.of(ip("127.0.0.1"))),
				new Nic("wlan0", false, false, List.of(ip("192.168.1.20"))),
				new Nic("eth0", true, false, List.of(ip("203.0.113.7"))));
		JoinLinks.Base base = links("", offline).base(request("http", "localhost", 8080));
		assertThat(base.url()).isEqualTo("http://localhost:8080");
		assertThat(base.host()).isEqualTo("localhost:8080");
	}

	@Test
	void thePublicUrlWinsOverEverything() {
		JoinLinks.Base base = links("https://thi.sotttt.gov.vn/", LAPTOP).base(request("http", "localhost", 8080));
		assertThat(base.join("482913")).isEqualTo("https://thi.sotttt.gov.vn/join/482913");
		assertThat(base.host()).isEqualTo("thi.sotttt.gov.vn");
		assertThat(links(" https://example.vn/hoi-thi ", LAPTOP).base(request("http", "localhost", 8080)).join("111111"))
			.isEqualTo("https://example.vn/hoi-thi/join/111111");
	}

	@Test
	void aPublicUrlThatIsNoWebAddressStopsTheStart() {
		for (String wrong : List.of("thi.sotttt.gov.vn", "ftp://thi.sotttt.gov.vn", "https://", "https://x.vn/?a=1",
				"http://x.vn/#top", "http://bad host")) {
			assertThatIllegalArgumentException().as(wrong).isThrownBy(() -> new JoinLinkSettings(wrong))
				.withMessageContaining("quizfest.public-url");
		}
	}

	@Test
	void theLanAddressIsAPhysicalInterfacesSiteLocalIpv4() {
		assertThat(LanAddress.choose(LAPTOP)).hasValue("192.168.1.20");
		List<Nic> onlyDocker = List.of(new Nic("docker0", true, false, List.of(ip("172.17.0.1"))),
				new Nic("eth0", true, false, List.of(ip("203.0.113.7"))));
		assertThat(LanAddress.choose(onlyDocker)).as("a bridge is better than nothing").hasValue("172.17.0.1");
		List<Nic> tenNet = List.of(new Nic("eth0", true, false, List.of(ip("10.1.2.3"))),
				new Nic("wlan0", true, false, List.of(ip("192.168.0.9"))));
		assertThat(LanAddress.choose(tenNet)).as("the first one").hasValue("10.1.2.3");
		assertThat(LanAddress.choose(List.of())).isEqualTo(Optional.empty());
	}
}
