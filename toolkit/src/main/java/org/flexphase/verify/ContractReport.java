package org.flexphase.verify;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every check's result for one system, one seed. A report never throws by itself: a test asks {@link #passed()},
 * {@link #failed(Check)} or calls {@link #assertPassed()}, which throws a {@link ContractViolation} naming every failed
 * check with its measured value, expected value, tolerance and seed.
 */
public final class ContractReport {
    private final String system;
    private final long seed;
    private final List<CheckResult> results;

    ContractReport(String system, long seed, List<CheckResult> results) {
        this.system = system;
        this.seed = seed;
        this.results = List.copyOf(results);
    }

    /** What was checked (the kit's {@code name}, or the system's class). */
    public String system() {
        return system;
    }

    /** The seed every check derived its generators from. */
    public long seed() {
        return seed;
    }

    /** Every result, in the order of {@link Check}. */
    public List<CheckResult> results() {
        return results;
    }

    /** The failed results. */
    public List<CheckResult> failures() {
        return results.stream().filter(r -> !r.passed()).collect(Collectors.toList());
    }

    /** Whether every check that ran passed. */
    public boolean passed() {
        return results.stream().allMatch(CheckResult::passed);
    }

    /** Whether {@code check} ran and failed. */
    public boolean failed(Check check) {
        return results.stream().anyMatch(r -> r.check() == check && !r.passed());
    }

    /** Throws a {@link ContractViolation} listing every failed check, unless all passed. */
    public ContractReport assertPassed() {
        if (!passed()) {
            throw new ContractViolation(this);
        }
        return this;
    }

    String describeFailures() {
        return "contract of " + system + " (seed " + seed + ") failed " + failures().size() + " of " + results.size()
                + " checks:\n  " + failures().stream().map(CheckResult::message).collect(Collectors.joining("\n  "));
    }

    @Override
    public String toString() {
        return "contract of " + system + " (seed " + seed + "):\n  "
                + results.stream().map(CheckResult::message).collect(Collectors.joining("\n  "));
    }
}
