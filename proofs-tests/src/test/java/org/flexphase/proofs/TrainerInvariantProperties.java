package org.flexphase.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import org.flexphase.hopfield.EquilibriumPropagationTrainer;
import org.flexphase.hopfield.EpSettings;
import org.flexphase.hopfield.EquilibriumPropagationTrainer.Mode;
import org.flexphase.hopfield.HopfieldNetwork;
import org.flexphase.learning.LearningLoop;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.phases.LengthLaws;
import org.flexphase.util.Checks;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * Invariants after every update of the production {@link EquilibriumPropagationTrainer}, in every mode, learning (not
 * frozen) under a Robbins-Monro schedule: the rate each update uses is the schedule's at the step count where the update
 * began (paired modes span {@code sweepsPerExample} steps per update, so a rate read at the wrong step is a different
 * number), one rate per update; steps = positive + negative steps; paired modes charge {@code sweepsPerExample} steps
 * per update; parameters and their average finite at every checkpoint (one per update).
 */
class TrainerInvariantProperties {

    /** A Robbins-Monro schedule that records every step it is asked about. */
    static final class Recording implements LearningRateSchedule {
        final LearningRateSchedule inner;
        final List<Long> asked = new ArrayList<>();

        Recording(double tau) {
            inner = LearningRateSchedule.robbinsMonro(0.05, tau, 0.7);
        }

        @Override
        public double rate(long step) {
            asked.add(step);
            return inner.rate(step);
        }

        @Override
        public String describe() {
            return "recording " + inner.describe();
        }
    }

    @Test
    void epRatesCountersAndFinitenessHoldAfterEveryUpdate() {
        Proofs.qtSimulation(40, 10).forAll(FlexiblePhaseEpProperties.CASES, Generate.enumValues(Mode.class),
                integers().between(0, 15), doubles().between(1, 50))
                .checkAssert((c, mode, sweeps, tau) -> {
                    int free = 1 + sweeps % 4;
                    int nudge = 1 + sweeps / 4;
                    HopfieldNetwork net = c.net().network();
                    Recording schedule = new Recording(tau);
                    EpSettings settings = EpSettings.DEFAULTS.withMode(mode).withBeta(0.3).withFreeSteps(free)
                            .withNudgeSteps(nudge).withB(c.b()).withSwitchProb(c.p()).withSeed(c.seed());
                    long perUpdate = mode == Mode.LOCAL ? 1 : free + (long) nudge * (mode == Mode.SYMMETRIC ? 2 : 1);
                    long steps = 30 * perUpdate + (mode == Mode.LOCAL ? 0 : perUpdate - 1);
                    EquilibriumPropagationTrainer trainer = new EquilibriumPropagationTrainer(settings)
                            .withPresentationLaw(LengthLaws.fixed(3))
                            .withBudget(new EpSettings.Budget(steps, perUpdate, schedule));
                    List<long[]> seen = new ArrayList<>();
                    LearningLoop loop = trainer.train(net, c.examples(), l -> {
                        assertEquals(l.step(), l.positiveSteps() + l.negativeSteps(), "steps = + steps + - steps");
                        assertEquals(l.updates() * perUpdate, l.step(), "steps per update");
                        assertTrue(Checks.allFinite(net.parameters()) && Checks.allFinite(l.averagedParameters()),
                                "non-finite parameters or average at step " + l.step());
                        seen.add(new long[]{l.step(), l.updates()});
                    });
                    assertEquals(null, loop.divergence());
                    long updates = loop.updates();
                    assertEquals(30, updates, "updates that fit the budget");
                    assertEquals(updates * perUpdate, loop.step(), "an update that would overrun is not started");
                    assertEquals(updates + 1, seen.size(), "one checkpoint per update, and step 0");
                    assertEquals(updates, schedule.asked.size(), "one rate per update");
                    for (int k = 0; k < updates; k++) {
                        assertEquals(k * perUpdate, (long) schedule.asked.get(k), "update " + k
                                + " took the rate of the wrong step");
                    }
                });
    }
}
