package vn.quizfest.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Heap in use read from real {@code jcmd GC.heap_info} output of each collector (JDK 17; ZGC also on 25). */
class ServerProbeTest {

	@Test
	void g1HasOneHeapLine() {
		String g1 = """
				12974:
				 garbage-first heap   total 397312K, used 5003K [0x0000000687400000, 0x0000000800000000)
				  region size 4096K, 1 young (4096K), 0 survivors (0K)
				 Metaspace       used 73K, committed 320K, reserved 1114112K
				  class space    used 3K, committed 128K, reserved 1048576K
				""";
		assertThat(ServerProbe.heapUsedKb(g1)).isEqualTo(5003);
	}

	@Test
	void serialAddsItsGenerationsAndLeavesMetaspaceOut() {
		String serial = """
				12973:
				 def new generation   total 116160K, used 8263K [0x0000000687400000, 0x000000068f200000, 0x0000000704d50000)
				  eden space 103296K,   8% used [0x0000000687400000, 0x0000000687c11fb8, 0x000000068d8e0000)
				  from space 12864K,   0% used [0x000000068d8e0000, 0x000000068d8e0000, 0x000000068e570000)
				  to   space 12864K,   0% used [0x000000068e570000, 0x000000068e570000, 0x000000068f200000)
				 tenured generation   total 258048K, used 120000K [0x0000000704d50000, 0x0000000714950000, 0x0000000800000000)
				   the space 258048K,  46% used [0x0000000704d50000, 0x0000000704d50000, 0x0000000704d50200, 0x0000000714950000)
				 Metaspace       used 112K, committed 320K, reserved 1114112K
				  class space    used 3K, committed 128K, reserved 1048576K
				""";
		assertThat(ServerProbe.heapUsedKb(serial)).isEqualTo(8263 + 120000);
	}

	@Test
	void zgcHasOneHeapLineInMegabytesOn17And25() {
		String zgc17 = """
				6727:
				 ZHeap           used 14M, capacity 378M, max capacity 6028M
				 Metaspace       used 129K, committed 320K, reserved 1114112K
				  class space    used 4K, committed 128K, reserved 1048576K
				""";
		String zgc25 = """
				6842:
				ZHeap            used 12M, capacity 378M, max capacity 6028M
				 Cache           366M (1)
				  size classes   256M (1)
				""";
		assertThat(ServerProbe.heapUsedKb(zgc17)).isEqualTo(14 * 1024);
		assertThat(ServerProbe.heapUsedKb(zgc25)).isEqualTo(12 * 1024);
	}

	@Test
	void nothingRecognisableIsMinusOne() {
		assertThat(ServerProbe.heapUsedKb("12973:\nCommand not found\n")).isEqualTo(-1);
	}
}
