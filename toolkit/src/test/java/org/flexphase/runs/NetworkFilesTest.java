package org.flexphase.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.flexphase.circuits.CouplingMode;
import org.flexphase.circuits.Graph;
import org.flexphase.circuits.NetworkSettings;
import org.flexphase.circuits.ResistorNetwork;
import org.flexphase.circuits.TaskKind;
import org.flexphase.util.InvalidSetting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A user's network file ({@link NetworkFiles}, {@code circuits.NetworkFile}): what a valid file becomes, that a run's
 * own {@code network.csv} reads back as the same network, and that every kind of bad file is refused with an error
 * naming the file, the line and the reason.
 */
class NetworkFilesTest {
    @TempDir
    Path dir;

    /** A 6-node network with roles: 0 and 5 inputs, 2 an output, 4 the ground. */
    static final String GOOD = """
            # a ladder, from a lab's netlist
            from,to,conductance,role_from,role_to
            0,1,1.0,input,hidden

            1,2,0.5,hidden,output
            1,3,"2",hidden,
            3,4,1,hidden,ground\r
            2,4,1,output,ground
            0,3,1,input,hidden
            5,0,1,input,input
            5,2,1e-1,input,output
            """;

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void aValidFileGivesItsGraphConductancesAndRoles() throws IOException {
        Path p = write("ladder.csv", GOOD);
        NetworkFiles.Loaded loaded = NetworkFiles.read(p.toString());
        Graph g = loaded.network().graph();
        assertEquals(6, g.nodeCount());
        assertEquals(8, g.edgeCount());
        assertEquals(1, g.from(2));
        assertEquals(3, g.to(2));
        ResistorNetwork net = loaded.network().network(1e-3, 1e3, 9, 9, 1).network();
        assertArrayEquals(new double[]{1, 0.5, 2, 1, 1, 1, 1, 0.1}, net.conductances());
        assertArrayEquals(new int[]{0, 5}, net.inputs());
        assertArrayEquals(new int[]{2}, net.outputs());
        assertEquals(4, net.ground());
        assertEquals(64, loaded.sha256().length());
        assertEquals(loaded.sha256(), NetworkFiles.sha256(p.toString()));
        Path other = write("other.csv", GOOD.replace("0.5", "0.6"));
        assertNotEquals(loaded.sha256(), NetworkFiles.read(other.toString()).sha256());
    }

    @Test
    void withoutRolesTheSettingsDrawThemAndConductancesStartAtOne() throws IOException {
        Path p = write("plain.csv", "from,to\n0,1\n1,2\n2,3\n3,0\n0,2\n1,3\n3,4\n4,5\n5,0\n");
        ResistorNetwork.Drawn d = NetworkFiles.read(p.toString()).network().network(1e-3, 1e3, 2, 1, 7);
        assertEquals(2, d.network().inputCount());
        assertEquals(1, d.network().outputCount());
        assertTrue(d.network().outputsReachInputs());
        for (double k : d.network().conductances()) {
            assertEquals(1.0, k);
        }
    }

    @Test
    void aRunsOwnNetworkCsvReadsBackAsTheSameNetwork() throws IOException {
        NetworkSettings s = NetworkSettings.DEFAULTS.withNodes(20).withDegree(3.5).withTask(TaskKind.TEACHER)
                .withSteps(400).withEvalEvery(200).withSeed(5);
        NetworkRun.Outcome o = NetworkRun.run(s, dir.resolve("run"));
        ResistorNetwork trained = o.system().network();
        Path csv = dir.resolve("run").resolve("network.csv");
        ResistorNetwork read = NetworkFiles.read(csv.toString()).network().network(s.kMin(), s.kMax(), 1, 1, 1)
                .network();
        Graph a = trained.graph();
        Graph b = read.graph();
        assertEquals(a.nodeCount(), b.nodeCount());
        for (int e = 0; e < a.edgeCount(); e++) {
            assertEquals(a.from(e) + "-" + a.to(e), b.from(e) + "-" + b.to(e));
            assertEquals(a.x(a.from(e)), b.x(b.from(e)));
        }
        assertArrayEquals(trained.conductances(), read.conductances());
        assertArrayEquals(java.util.Arrays.stream(trained.inputs()).sorted().toArray(), read.inputs());
        assertArrayEquals(java.util.Arrays.stream(trained.outputs()).sorted().toArray(), read.outputs());
        assertEquals(trained.ground(), read.ground());
        // and it trains: the file's roles replace --inputs/--outputs, its hash is checked
        NetworkSettings fromFile = s.withMode(CouplingMode.STANDARD).withNetwork(csv.toString(),
                NetworkFiles.sha256(csv.toString()));
        fromFile.validate();
        assertEquals(trained.inputCount(), NetworkRun.system(fromFile).system().network().inputCount());
        InvalidSetting stale = assertThrows(InvalidSetting.class, () -> NetworkRun.system(fromFile.withNetwork(
                csv.toString(), "0".repeat(64))));
        assertTrue(stale.getMessage().contains("now hash to " + NetworkFiles.sha256(csv.toString())),
                stale.getMessage());
    }

    static Stream<Arguments> badFiles() {
        String h = "from,to\n";
        String roles = "from,to,role_from,role_to\n";
        return Stream.of(
                Arguments.of("", "", "empty"),
                Arguments.of("# only a comment\n\n", "", "only comments"),
                Arguments.of("from,too\n0,1\n", ", line 1", "found \"too\""),
                Arguments.of("from,from\n0,1\n", ", line 1", "repeats"),
                Arguments.of("to,conductance\n0,1\n", ", line 1", "from is missing"),
                Arguments.of("from,to,x_from\n0,1,0\n", ", line 1", "all four of x_from"),
                Arguments.of("from,to,role_from\n0,1,input\n", ", line 1", "both role_from"),
                Arguments.of(h, ", line 1", "at least one edge row"),
                Arguments.of(h + "0,1\n1,a\n", ", line 3", "integer node id in column to; found \"a\""),
                Arguments.of(h + "0,1\n1,2.0\n", ", line 3", "integer node id"),
                Arguments.of(h + "0,1\n-1,2\n", ", line 3", "0 <= id < 1000000"),
                Arguments.of(h + "0,1\n1,99999999999999999999\n", ", line 3", "0 <= id < 1000000"),
                Arguments.of(h + "0,1\n1,1\n", ", line 3", "self-loop at node 1"),
                Arguments.of(h + "0,1\n1,2\n2,0\n\n1,0\n", ", line 6", "1-0 repeats line 2"),
                Arguments.of(h + "0,1,2\n", ", line 2", "2 fields as in the header; found 3"),
                Arguments.of("from,to,conductance\n0,1,1\n1,2,NaN\n", ", line 3", "decimal number"),
                Arguments.of("from,to,conductance\n0,1,1\n1,2,Infinity\n", ", line 3", "decimal number"),
                Arguments.of("from,to,conductance\n0,1,1\n1,2,1e999\n", ", line 3", "finite and > 0; found Infinity"),
                Arguments.of("from,to,conductance\n0,1,1\n1,2,0\n", ", line 3", "finite and > 0; found 0.0"),
                Arguments.of("from,to,conductance\n0,1,1\n1,2,-2\n", ", line 3", "finite and > 0"),
                Arguments.of("from,to,conductance\n0,1,1\n1,2,\n", ", line 3", "decimal number"),
                Arguments.of(h + "0,1\n2,3\n", ", line 3", "node 2 (first on this line) cannot be reached"),
                Arguments.of(h + "0,1\n1,3\n", ", line 3", "node 2 has no edge"),
                Arguments.of("from,to,x_from,y_from,x_to,y_to\n0,1,0,0,1,1\n1,2,2,2,0,0\n", ", line 3",
                        "one position per node; node 1"),
                Arguments.of(roles + "0,1,input,hidden\n1,2,output,hidden\n", ", line 3", "one role per node; node 1"),
                Arguments.of(roles + "0,1,input,hiden\n", ", line 2", "found \"hiden\""),
                Arguments.of(roles + "0,1,input,hidden\n1,2,hidden,output\n2,3,output,hidden\n3,0,hidden,input\n", "",
                        "exactly one node with role ground; found 0"),
                Arguments.of(roles + "0,1,input,ground\n1,2,ground,output\n2,3,output,hidden\n3,4,hidden,ground\n"
                        + "4,0,ground,input\n", "", "exactly one node with role ground; found 2"),
                Arguments.of(roles + "0,1,ground,hidden\n1,2,hidden,output\n2,3,output,hidden\n3,0,hidden,ground\n",
                        "", "at least one input and one output"),
                Arguments.of(roles + "0,1,input,hidden\n1,2,hidden,ground\n2,3,ground,output\n3,4,output,hidden\n"
                        + "4,2,hidden,ground\n", ", line 4", "output 3 does not"),
                Arguments.of("from,to,conductance\n0,1,1\n1,2,5e-4\n", ", line 3", "within [k_min, k_max]"),
                // an unclosed quote runs to the end of the file: one field, on the last line
                Arguments.of("from,to\n\"0,1\n", ", line 3", "2 fields as in the header; found 1"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badFiles")
    void everyBadFileIsRefusedNamingTheFileTheLineAndTheReason(String text, String line, String reason)
            throws IOException {
        Path p = write("bad.csv", text);
        InvalidSetting e = assertThrows(InvalidSetting.class,
                () -> NetworkFiles.read(p.toString()).network().network(1e-3, 1e3, 1, 1, 1));
        assertEquals("network", e.key());
        assertTrue(e.getMessage().contains(p + line + " (allowed: ") || e.getMessage().contains(p + line + " ("),
                e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void missingDirectoriesBinaryAndNonUtf8FilesAreRefusedByName() throws IOException {
        String[][] cases = {
                {dir.resolve("missing.csv").toString(), "not found"},
                {dir.toString(), "not a directory"},
                {write("nul.csv", "from,to\n0,1\u0000\n").toString(), "line 2 (allowed: text; found the control "
                        + "character 0x00"},
        };
        for (String[] c : cases) {
            InvalidSetting e = assertThrows(InvalidSetting.class, () -> NetworkFiles.read(c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[0]) && e.getMessage().contains(c[1]), e.getMessage());
        }
        Path binary = dir.resolve("garbage.bin");
        Files.write(binary, new byte[]{(byte) 0xff, (byte) 0xfe, 0x41, (byte) 0xc3, 0x28, 0x00, 0x13});
        InvalidSetting e = assertThrows(InvalidSetting.class, () -> NetworkFiles.read(binary.toString()));
        assertTrue(e.getMessage().contains(binary + " (allowed: UTF-8 text"), e.getMessage());
    }
}
