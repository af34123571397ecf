package org.flexphase.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One contract, every family: each entry is a configured {@link ContractKit} for one model family in the repository,
 * and every check it runs must pass (all six, except that a persistent system without an exact mean update skips
 * (a)). A new family gets the kit by adding one line to {@link #families()} (and its wiring
 * to {@link Families}). Statistical checks fail a correct system with probability at most 1e-4 each (their Javadoc);
 * the seeds are fixed, so a failure replays.
 */
class FamilyContractTest {

    /** A family's name and its configured kit. */
    record Family(String name, Supplier<ContractKit.Builder<?, ?>> kit) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Family> families() {
        return Stream.of(
                new Family("boltzmann rbm", () -> Families.rbm(r -> r, r -> r)),
                new Family("hopfield ep", () -> Families.hopfield(ep -> ep)),
                new Family("hopfield ep, persistent", Families::hopfieldPersistent),
                new Family("coupled learning", () -> Families.circuit(c -> c, c -> c)),
                new Family("nonlinear coupled learning", Families::saturating),
                new Family("nonlinear coupled learning, persistent", Families::saturatingPersistent));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void everyFamilyKeepsTheContract(Family family) {
        ContractReport report = family.kit().get().seed(20_231).check();
        report.assertPassed();
        assertFalse(report.results().isEmpty(), report::toString);
    }
}
