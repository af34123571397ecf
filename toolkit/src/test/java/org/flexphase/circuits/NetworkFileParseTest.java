package org.flexphase.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flexphase.util.InvalidSetting;
import org.junit.jupiter.api.Test;

/**
 * {@link NetworkFile} on small tokenised files written here (before, only the command-line and run tests read network
 * files, and mutation testing leaves those out): each refusal names the file, the line and the reason, each accepted
 * file gives the graph, layout, conductances and roles it says, and {@link NetworkFile#network} checks the roles'
 * physics.
 */
class NetworkFileParseTest {
    /** Header on line 1, row i on line i + 2; cells split on commas, empty cells kept. */
    private static NetworkFile parse(String header, String... rows) {
        List<NetworkFile.Row> list = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            list.add(new NetworkFile.Row(i + 2, rows[i].split(",", -1)));
        }
        return NetworkFile.parse("net.csv", header.split(",", -1), 1, list);
    }

    private static InvalidSetting refused(String header, String... rows) {
        return assertThrows(InvalidSetting.class, () -> parse(header, rows));
    }

    private static void refusedAt(String line, String part, String header, String... rows) {
        InvalidSetting x = refused(header, rows);
        assertEquals("network", x.key());
        assertEquals("net.csv, line " + line, x.value(), x.getMessage());
        assertTrue(x.allowed().contains(part), x.getMessage());
    }

    @Test
    void aBareEdgeListGivesItsGraphOnTheDefaultCircle() {
        NetworkFile f = parse("from,to", "0,1", "1,2", " 2 , 3 ", "3,0");
        assertEquals("net.csv", f.source());
        assertEquals(4, f.graph().nodeCount());
        assertEquals(4, f.graph().edgeCount());
        assertEquals(2, f.graph().from(2));
        assertEquals(3, f.graph().to(2));
        assertFalse(f.hasRoles());
        assertEquals(0, f.count("input"));
        for (int v = 0; v < 4; v++) {
            assertEquals(0.5 + 0.45 * Math.cos(2 * Math.PI * v / 4), f.graph().x(v), 1e-15, "x of " + v);
            assertEquals(0.5 + 0.45 * Math.sin(2 * Math.PI * v / 4), f.graph().y(v), 1e-15, "y of " + v);
        }
    }

    @Test
    void oneEdgeIsTheSmallestNetwork() {
        NetworkFile f = parse("from,to", "1,0");
        assertEquals(2, f.graph().nodeCount());
        assertEquals(1, f.graph().edgeCount());
    }

    @Test
    void headerErrorsNameLineOne() {
        refusedAt("1", "found \"weight\" in column 3", "from,to,weight", "0,1");
        refusedAt("1", "\"to\" repeats", "from,to,to", "0,1,1");
        refusedAt("1", "to is missing", "from,conductance", "0,1");
        refusedAt("1", "from is missing", "to", "1");
        refusedAt("1", "all four of x_from", "from,to,x_from,y_from,x_to", "0,1,0,0,1");
        refusedAt("1", "both role_from and role_to", "from,to,role_from", "0,1,input");
        refusedAt("1", "both role_from and role_to", "from,to,role_to", "0,1,input");
        refusedAt("1", "at least one edge row", "from,to");
    }

    @Test
    void rowErrorsNameTheirLine() {
        refusedAt("3", "2 fields as in the header; found 3", "from,to", "0,1", "1,2,3");
        refusedAt("3", "2 fields as in the header; found 1", "from,to", "0,1", "1");
        refusedAt("2", "an integer node id in column from; found \"a\"", "from,to", "a,1");
        refusedAt("2", "an integer node id in column to; found \"1.0\"", "from,to", "0,1.0");
        refusedAt("2", "0 <= id < 1000000 in column from; found -1", "from,to", "-1,1");
        refusedAt("2", "0 <= id < 1000000 in column to; found 1000000", "from,to", "0,1000000");
        refusedAt("2", "found 99999999999999999999", "from,to", "0,99999999999999999999");
        refusedAt("3", "self-loop at node 1", "from,to", "0,1", "1,1");
        refusedAt("4", "1-0 repeats line 2", "from,to", "0,1", "1,2", "1,0");
        refusedAt("2", "a decimal number in column conductance; found \"x\"", "from,to,conductance", "0,1,x");
        refusedAt("2", "finite and > 0; found 0.0", "from,to,conductance", "0,1,0");
        refusedAt("2", "finite and > 0; found -2.0", "from,to,conductance", "0,1,-2");
        refusedAt("2", "finite and > 0; found Infinity", "from,to,conductance", "0,1,1e400");
    }

    @Test
    void theLargestIdIsAllowedButMustBeUsedLikeEveryOther() {
        // 999999 passes the range check; the file then lacks nodes 2..999998, reported at the last row
        refusedAt("3", "node ids 0..999999 each on some edge (ids are array indices; the largest is 999999); "
                + "node 2 has no edge", "from,to", "0,1", "1,999999");
        refusedAt("3", "node 1 has no edge", "from,to", "0,2", "2,3");
    }

    @Test
    void aDisconnectedGraphNamesTheFirstLineOfTheUnreachedNode() {
        refusedAt("4", "node 2 (first on this line) cannot be reached from node 0", "from,to", "0,1", "3,4",
                "2,3");
    }

    @Test
    void conductancesAreReadAndFilledIntoTheBox() {
        NetworkFile f = parse("from,to,conductance", "0,1,0.5", "1,2,2e0", "2,3,+.25", "3,1,3");
        ResistorNetwork net = f.network(0.25, 3, 1, 1, 7).network();
        assertArrayEquals(new double[]{0.5, 2, 0.25, 3}, net.conductances(), 0);
        InvalidSetting x = assertThrows(InvalidSetting.class, () -> f.network(0.3, 3, 1, 1, 7));
        assertEquals("net.csv, line 4", x.value());
        assertTrue(x.allowed().contains("[0.3, 3.0]; found 0.25"), x.getMessage());
        assertEquals("net.csv, line 5",
                assertThrows(InvalidSetting.class, () -> f.network(0.25, 2.9, 1, 1, 7)).value());

        NetworkFile bare = parse("from,to", "0,1", "1,2", "2,3", "3,1");
        assertArrayEquals(new double[]{2, 2, 2, 2}, bare.network(2, 5, 1, 1, 7).network().conductances(), 0);
        assertArrayEquals(new double[]{0.5, 0.5, 0.5, 0.5},
                bare.network(0.1, 0.5, 1, 1, 7).network().conductances(), 0);
        assertArrayEquals(new double[]{1, 1, 1, 1}, bare.network(1, 1, 1, 1, 7).network().conductances(), 0);
    }

    @Test
    void withoutRolesTheRolesAreDrawnAsForARandomGraph() {
        NetworkFile f = parse("from,to", "0,1", "1,2", "2,3", "3,4", "4,0", "0,2", "1,3");
        ResistorNetwork.Drawn d = f.network(0.5, 2, 2, 1, 11);
        ResistorNetwork.Drawn expected = ResistorNetwork.withReachableRoles(f.graph(), 2, 1, 1.0, 0.5, 2, 11);
        assertArrayEquals(expected.network().inputs(), d.network().inputs());
        assertEquals(expected.network().ground(), d.network().ground());
        assertArrayEquals(expected.network().outputs(), d.network().outputs());
        assertEquals(expected.redraws(), d.redraws());
        assertEquals(0.5, d.network().kMin(), 0);
        assertEquals(2, d.network().kMax(), 0);
    }

    @Test
    void positionsAgreeAndAreScaledIntoTheUnitSquareOnlyWhenOutside() {
        String h = "from,to,x_from,y_from,x_to,y_to";
        NetworkFile inside = parse(h, "0,1,0,1,0.5,0.25", "1,2,0.5,0.25,1,0");
        assertEquals(0.5, inside.graph().x(1), 0);
        assertEquals(0.25, inside.graph().y(1), 0);
        assertEquals(1, inside.graph().y(0), 0);
        // x spans 0..10, y 0..5: scale 0.9 / 10, both from 0.05
        NetworkFile outside = parse(h, "0,1,0,0,10,5", "1,2,10,5,4,2");
        assertEquals(0.05, outside.graph().x(0), 1e-15);
        assertEquals(0.95, outside.graph().x(1), 1e-15);
        assertEquals(0.5, outside.graph().y(1), 1e-15);
        assertEquals(0.41, outside.graph().x(2), 1e-15);
        assertEquals(0.23, outside.graph().y(2), 1e-15);
        // negative positions: shifted by the minimum of each axis, scaled by the larger span (y: 2)
        NetworkFile negative = parse(h, "0,1,-1,-2,0,0", "1,2,0,0,-0.5,-1");
        assertEquals(0.05, negative.graph().x(0), 1e-15);
        assertEquals(0.05, negative.graph().y(0), 1e-15);
        assertEquals(0.5, negative.graph().x(1), 1e-15);
        assertEquals(0.95, negative.graph().y(1), 1e-15);
        assertEquals(0.275, negative.graph().x(2), 1e-15);
        assertEquals(0.5, negative.graph().y(2), 1e-15);
        // one point outside above: 0..2 on x only
        NetworkFile above = parse(h, "0,1,0,0,2,0", "1,2,2,0,1,0");
        assertEquals(0.95, above.graph().x(1), 1e-15);
        assertEquals(0.05, above.graph().y(1), 1e-15);

        // the larger span decides the scale, measured from each axis' own minimum
        NetworkFile wideX = parse(h, "0,1,-4,0,4,1", "1,2,4,1,0,0.5");
        assertEquals(0.05, wideX.graph().x(0), 1e-15);
        assertEquals(0.95, wideX.graph().x(1), 1e-15);
        assertEquals(0.05 + 0.9 / 8, wideX.graph().y(1), 1e-15);
        NetworkFile wideY = parse(h, "0,1,0,-4,1,4", "1,2,1,4,0.5,0");
        assertEquals(0.95, wideY.graph().y(1), 1e-15);
        assertEquals(0.05 + 0.9 / 8, wideY.graph().x(1), 1e-15);
        assertEquals(0.5, wideY.graph().y(2), 1e-15);
        // every node at one point outside the square: no span to scale, all at (0.05, 0.05)
        NetworkFile point = parse(h, "0,1,5,5,5,5", "1,2,5,5,5,5");
        for (int v = 0; v < 3; v++) {
            assertEquals(0.05, point.graph().x(v), 0, "x of " + v);
            assertEquals(0.05, point.graph().y(v), 0, "y of " + v);
        }

        refusedAt("3", "one position per node; node 1 is at (0.5, 0.3) here and (0.5, 0.25) on line 2", h,
                "0,1,0,1,0.5,0.25", "1,2,0.5,0.3,1,0");
        refusedAt("3", "one position per node; node 1 is at (0.4, 0.25) here", h,
                "0,1,0,1,0.5,0.25", "1,2,0.4,0.25,1,0");
        refusedAt("2", "finite positions; node 0 is at (Infinity, 0.0)", h, "0,1,1e999,0,1,1");
        refusedAt("2", "finite positions; node 0 is at (0.0, Infinity)", h, "0,1,0,1e999,1,1");
        refusedAt("2", "a decimal number in column y_to", h, "0,1,0,0,1,y");
    }

    @Test
    void rolesAreReadOnePerNode() {
        String h = "from,to,role_from,role_to";
        NetworkFile f = parse(h, "0,1,INPUT,", "1,2,hidden,ground", "1,3, ,output", "3,2,output,ground");
        assertTrue(f.hasRoles());
        assertEquals(1, f.count("input"));
        assertEquals(1, f.count("hidden"));
        assertEquals(1, f.count("ground"));
        assertEquals(1, f.count("output"));
        ResistorNetwork net = f.network(0.5, 2, 9, 9, 3).network();
        assertArrayEquals(new int[]{0}, net.inputs());
        assertEquals(2, net.ground());
        assertArrayEquals(new int[]{3}, net.outputs());
        assertEquals(0, f.network(0.5, 2, 9, 9, 3).redraws());

        refusedAt("3", "a role_to of input | output | ground | hidden (empty: hidden); found \"earth\"", h,
                "0,1,input,hidden", "1,2,hidden,earth");
        refusedAt("4", "one role per node; node 2 is output here and ground on line 3", h,
                "0,1,input,hidden", "1,2,hidden,ground", "2,3,output,output");
        refusedAt("3", "node 1 is input here and hidden on line 2", h, "0,1,input,", "1,2,input,output");
    }

    private static InvalidSetting networkRefused(String... rows) {
        NetworkFile f = parse("from,to,role_from,role_to", rows);
        return assertThrows(InvalidSetting.class, () -> f.network(0.5, 2, 1, 1, 3));
    }

    @Test
    void theRolesPhysicsIsCheckedByNetwork() {
        InvalidSetting none = networkRefused("0,1,input,hidden", "1,2,hidden,output");
        assertEquals("net.csv", none.value());
        assertTrue(none.allowed().endsWith("exactly one node with role ground; found 0"), none.getMessage());
        InvalidSetting two = networkRefused("0,1,input,ground", "1,2,ground,output", "2,3,output,hidden",
                "3,4,hidden,ground");
        assertTrue(two.allowed().endsWith("found 2 (nodes [1, 4], lines 2 and 5)"), two.getMessage());
        assertTrue(networkRefused("0,1,hidden,ground", "1,2,ground,output", "2,3,output,hidden")
                .allowed().contains("found 0 inputs and 1 outputs"));
        assertTrue(networkRefused("0,1,input,ground", "1,2,ground,hidden", "2,3,hidden,hidden")
                .allowed().contains("found 1 inputs and 0 outputs"));
        assertTrue(networkRefused("0,1,input,ground", "1,2,ground,output")
                .allowed().contains("at least one hidden node; all 3 nodes"));
        // output 3 hangs on the ground alone: refused on the line its role was first given
        InvalidSetting cut = networkRefused("0,1,input,hidden", "1,2,hidden,ground", "2,3,ground,output");
        assertEquals("net.csv, line 4", cut.value());
        assertTrue(cut.allowed().contains("through the ground node 2; output 3 does not"), cut.getMessage());
        // two outputs, the second cut off: it is the one named
        InvalidSetting second = networkRefused("0,1,input,output", "1,2,output,ground", "2,3,ground,output",
                "1,4,output,hidden");
        assertTrue(second.allowed().contains("output 3 does not"), second.getMessage());
        // one hidden node is enough
        ResistorNetwork ok = parse("from,to,role_from,role_to", "0,1,input,hidden", "1,2,hidden,ground",
                "1,3,hidden,output").network(0.5, 2, 1, 1, 3).network();
        assertEquals(4, ok.graph().nodeCount());
    }
}
