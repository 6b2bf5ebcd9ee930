package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The whole frames the inline path writes: FIN and the text opcode, the RFC 6455 length in 7, 16 or
 * 64 bits at each boundary, no mask, then the UTF-8 payload; the broadcast's and one socket's agree.
 */
class SharedFrameTest {

	@Test
	void headersAtEachLengthBoundaryAndTheSameBytesForABroadcastAndOneSocket() {
		for (int length : new int[] { 0, 1, 125, 126, 127, 1_000, 32_767, 32_768, 65_535, 65_536, 70_001 }) {
			String text = "a".repeat(length);
			ByteBuffer own = SharedFrame.textFrame(text);
			ByteBuffer shared = SharedFrame.of(text).frame();
			assertThat(shared).as("length %d", length).isEqualTo(own);
			assertThat(SharedFrame.payloadBytes(own)).isEqualTo(length);
			assertThat(own.get(0) & 0xff).isEqualTo(0x81);
			int header;
			if (length < 126) {
				assertThat(own.get(1) & 0xff).isEqualTo(length);
				header = 2;
			}
			else if (length < 65_536) {
				assertThat(own.get(1) & 0xff).isEqualTo(126);
				assertThat((own.get(2) & 0xff) << 8 | own.get(3) & 0xff).isEqualTo(length);
				header = 4;
			}
			else {
				assertThat(own.get(1) & 0xff).isEqualTo(127);
				assertThat(own.getLong(2)).isEqualTo(length);
				header = 10;
			}
			assertThat(own.remaining()).isEqualTo(header + length);
		}
	}

	@Test
	void theLengthCountsUtf8BytesAndThePayloadViewStartsAfterTheHeader() {
		String text = "Bình dân học vụ số";
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		SharedFrame shared = SharedFrame.of(text);
		assertThat(shared.payloadBytes()).isEqualTo(utf8.length).isGreaterThan(text.length());
		ByteBuffer payload = shared.bytes();
		byte[] read = new byte[payload.remaining()];
		payload.get(read);
		assertThat(read).isEqualTo(utf8);
		// Each view has a position of its own: one socket's write does not move another's.
		ByteBuffer first = shared.frame();
		first.position(first.limit());
		assertThat(shared.frame().remaining()).isEqualTo(2 + utf8.length);
	}
}
