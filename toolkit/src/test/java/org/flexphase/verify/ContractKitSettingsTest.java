package org.flexphase.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Programmer errors in the kit's settings fail early with a message that names the setting and the fix. */
class ContractKitSettingsTest {

    @Test
    void batchesShorterThanTwentyPhaseLengthsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Families.rbm(r -> r, r -> r).batches(40, 100).check());
        assertTrue(e.getMessage().contains("batch steps must be at least 20 mean phase lengths"), e.getMessage());
    }

    @Test
    void missingSettingsAreNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ContractKit.forSystem(Families::newRbm).check());
        assertTrue(e.getMessage().contains("phases, presentation and copyState must be set"), e.getMessage());
    }

    @Test
    void onlyRunsTheChosenChecksInOrder() {
        ContractReport report = Families.circuit(c -> c, c -> c)
                .only(Check.NON_FINITE_STOP, Check.SAME_SEED_SAME_BITS).seed(3).check();
        assertEquals(List.of(Check.SAME_SEED_SAME_BITS, Check.NON_FINITE_STOP),
                report.results().stream().map(CheckResult::check).toList(), report::toString);
    }
}
