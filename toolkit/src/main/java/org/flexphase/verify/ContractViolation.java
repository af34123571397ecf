package org.flexphase.verify;

/** Thrown by {@link ContractReport#assertPassed()}: an {@link AssertionError} whose message lists every failed check. */
public final class ContractViolation extends AssertionError {
    private final transient ContractReport report;

    ContractViolation(ContractReport report) {
        super(report.describeFailures());
        this.report = report;
    }

    /** The report that failed. */
    public ContractReport report() {
        return report;
    }
}
