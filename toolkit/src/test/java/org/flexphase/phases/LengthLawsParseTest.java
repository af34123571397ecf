package org.flexphase.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/** {@link LengthLaws#parse}: the text a spec writes gives the law {@code describe()} names, or a clear error. */
class LengthLawsParseTest {
    @Test
    void parsedLawsAreTheBuiltInOnesWithTheirMeansAndDraws() {
        for (LengthLaw law : List.of(LengthLaws.fixed(7), LengthLaws.geometric(0.125), LengthLaws.uniform(3, 40))) {
            LengthLaw parsed = LengthLaws.parse(law.describe());
            assertEquals(law.describe(), parsed.describe());
            assertEquals(law.mean(), parsed.mean(), 0.0);
            var a = Rngs.create(4);
            var b = Rngs.create(4);
            for (int k = 0; k < 100; k++) {
                assertEquals(law.sample(a), parsed.sample(b), law.describe());
            }
        }
        assertEquals("uniform(1, 3)", LengthLaws.parse(" uniform( 1,3 ) ").describe());
    }

    @Test
    void malformedOrOutOfRangeTextIsRefusedByName() {
        for (String bad : new String[]{"", "fixed", "fixed()", "fixed(0)", "fixed(2.5)", "geometric(0)", "geometric(1.5)",
                "geometric(x)", "uniform(5)", "uniform(5, 2)", "poisson(3)", "fixed(3)(4)", "(3)"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LengthLaws.parse(bad), bad);
            assertTrue(e.getMessage().contains("length law must be fixed(N)") && e.getMessage().endsWith(": " + bad),
                    e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> LengthLaws.parse(null));
    }
}
