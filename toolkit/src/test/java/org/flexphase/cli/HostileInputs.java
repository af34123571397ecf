package org.flexphase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The table every hostile-input test of a command shares: each option that takes a value, given each of
 * {@link #VALUES}, must either be refused (exit 2, the message naming the option and what is allowed, nothing
 * written) or be listed as legal in the command's table (exit 0 from the dry run {@link Main#check}, which makes
 * every range check the command makes before it writes or computes anything, and runs nothing). The options are
 * read from picocli's {@code CommandSpec}: an option without a row fails, so a new option cannot skip its range
 * check.
 */
final class HostileInputs {
    /**
     * Zero, negatives, non-numbers, infinities, the largest double, text, empty, the largest int (an oversize size),
     * int overflow and a missing file.
     */
    static final List<String> VALUES = List.of("0", "-1", "NaN", "Infinity", "-Infinity", "1e308", "abc", "",
            "2147483647", "2147483648", "9999999999", "/nonexistent-flexphase/missing");
    /** Values a 64-bit integer option (a seed) accepts. */
    static final Set<String> ANY_LONG = Set.of("0", "-1", "2147483647", "2147483648", "9999999999");
    /** Values a path option that need not exist yet ({@code --out} before its run creates it) accepts. */
    static final Set<String> ANY_PATH = Set.of("0", "-1", "NaN", "Infinity", "-Infinity", "1e308", "abc",
            "2147483647", "2147483648", "9999999999", "/nonexistent-flexphase/missing");
    static final Set<String> NONE = Set.of();

    private HostileInputs() {
    }

    /** {@link Main#check} with standard error captured. */
    static FailureMessagesTest.Ran check(String... args) {
        return FailureMessagesTest.captured(Main::check, args);
    }

    /** The long names of {@code command}'s options that take a value (help, version and flags take none). */
    static Set<String> valuedOptions(String command) {
        CommandLine sub = new CommandLine(new Main()).getSubcommands().get(command);
        Set<String> names = new TreeSet<>();
        for (OptionSpec o : sub.getCommandSpec().options()) {
            if (!o.usageHelp() && !o.versionHelp() && o.arity().max() > 0) {
                names.add(o.longestName());
            }
        }
        return names;
    }

    /**
     * Checks the table of {@code command}: {@code legal} maps every option that takes a value to the hostile values
     * it accepts; {@code context} are options every call needs (dropped for the option under test). Every call runs
     * with the working folder's files unchanged and {@code scratch} left empty.
     */
    static void assertTable(String command, Map<String, Set<String>> legal, Map<String, String> context,
                            Path scratch) {
        Set<String> options = valuedOptions(command);
        Set<String> missing = new TreeSet<>(options);
        missing.removeAll(legal.keySet());
        Set<String> stale = new TreeSet<>(legal.keySet());
        stale.removeAll(options);
        if (!missing.isEmpty() || !stale.isEmpty()) {
            fail(command + ": options without a row in the hostile-input table " + missing + " (add a row, and a "
                    + "range check for what it must refuse); rows of options that no longer exist " + stale);
        }
        List<String> wrong = new ArrayList<>();
        for (String option : options) {
            for (String value : VALUES) {
                List<String> args = new ArrayList<>(List.of(command));
                context.forEach((o, v) -> {
                    if (!o.equals(option)) {
                        args.add(o);
                        args.add(v);
                    }
                });
                args.add(option);
                args.add(value);
                FailureMessagesTest.Ran r = check(args.toArray(String[]::new));
                boolean ok = legal.get(option).contains(value);
                String line = String.join(" ", args) + " -> exit " + r.code() + ": " + r.err().lines().findFirst()
                        .orElse("");
                if (ok && r.code() != 0) {
                    wrong.add("legal but refused: " + line);
                } else if (!ok && (r.code() != 2 || !r.err().contains(option) || !r.err().contains("allowed"))) {
                    wrong.add("must exit 2 naming " + option + " and what is allowed: " + line);
                }
                assertEquals(List.of(), list(scratch), "a dry run writes nothing: " + line);
            }
        }
        assertTrue(wrong.isEmpty(), command + ":\n" + String.join("\n", wrong));
    }

    /** The table builder: {@code rows("--a", NONE, "--b", Set.of("0"))}. */
    static Map<String, Set<String>> rows(Object... pairs) {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        for (int k = 0; k < pairs.length; k += 2) {
            @SuppressWarnings("unchecked")
            Set<String> s = (Set<String>) pairs[k + 1];
            m.put((String) pairs[k], s);
        }
        return m;
    }

    static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
