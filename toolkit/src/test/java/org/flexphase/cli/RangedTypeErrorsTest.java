package org.flexphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import org.junit.jupiter.api.Test;

/**
 * Every numeric option of every command reports its own range in a type error ({@code --beta abc}), found by probing
 * the command's checks: an option whose default the mode replaces ({@link ModeDefaults}) must still be seen by them.
 */
class RangedTypeErrorsTest {
    /** Options with no range check of their own: any value of their type is legal. */
    static final Set<String> UNBOUNDED = Set.of("--seed");

    @Test
    void everyNumericOptionOfEveryCommandReportsItsRange() {
        List<String> bare = new ArrayList<>();
        int probed = 0;
        for (Map.Entry<String, CommandLine> e : new CommandLine(new Main()).getSubcommands().entrySet()) {
            for (OptionSpec o : e.getValue().getCommandSpec().options()) {
                Class<?> type = o.isMultiValue() ? o.auxiliaryTypes()[0] : o.type();
                boolean numeric = type == int.class || type == Integer.class || type == long.class
                        || type == Long.class || type == double.class || type == Double.class;
                if (!numeric || UNBOUNDED.contains(o.longestName())) {
                    continue;
                }
                probed++;
                String range = RangedTypeErrors.range(e.getValue(), o);
                if (range.startsWith("any ")) {
                    bare.add(e.getKey() + " " + o.longestName() + ": " + range);
                }
            }
        }
        assertEquals(List.of(), bare);
        assertEquals(true, probed > 40, "probed " + probed + " options");
    }
}
