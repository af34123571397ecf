package org.flexphase.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import org.flexphase.boltzmann.BoltzmannMachine;
import org.flexphase.boltzmann.BoltzmannState;
import org.flexphase.boltzmann.BoltzmannTrainer;
import org.flexphase.boltzmann.ExactAnalysis;
import org.flexphase.boltzmann.TrainSettings;
import org.flexphase.boltzmann.TrainingListener;
import org.flexphase.boltzmann.TrainingMode;
import org.flexphase.circuits.CoupledLearning;
import org.flexphase.circuits.CouplingMode;
import org.flexphase.circuits.CouplingTrainer;
import org.flexphase.circuits.NetworkSettings;
import org.flexphase.circuits.ResistorNetwork;
import org.flexphase.hopfield.EquilibriumPropagationTrainer;
import org.flexphase.hopfield.EpSettings;
import org.flexphase.hopfield.EquilibriumPropagationTrainer.Mode;
import org.flexphase.hopfield.HopfieldNetwork;
import org.flexphase.learning.LearningLoop;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.phases.LengthLaws;
import org.flexphase.phases.Phase;
import org.flexphase.phases.PhaseProcess;
import org.flexphase.util.Checks;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * Invariants after every update of the production {@link EquilibriumPropagationTrainer}, in every mode, learning (not
 * frozen) under a Robbins-Monro schedule: the rate each update uses is the schedule's at the step count where the update
 * began (paired modes span {@code sweepsPerExample} steps per update, so a rate read at the wrong step is a different
 * number), one rate per update; steps = positive + negative steps; paired modes charge {@code sweepsPerExample} steps
 * per update; parameters and their average finite at every checkpoint (one per update). The same for the production
 * {@link BoltzmannTrainer} in every mode (its schedule comes from the settings, so the rate of each update is read off
 * the parameters' change, see {@link #boltzmannRatesCountersAndFinitenessHoldAfterEveryUpdate}), and for the
 * production {@link CouplingTrainer} under a box that binds: every conductance in {@code [k_min, k_max]} after every
 * update, some on a bound, counters consistent in every {@link CouplingMode}.
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

    /**
     * The production {@link BoltzmannTrainer} learning under {@code lr_schedule rm} (the settings' own schedule: the
     * trainer takes no other), a checkpoint after every update. The rate of update {@code n} is read off the change of
     * the parameters {@code d = theta_{n+1} - theta_n}: exact mode adds {@code eta u(theta_n)} ({@code u} recomputed by
     * {@link ExactAnalysis#gradient}), so {@code eta = d.u / u.u}; CD-k adds {@code eta (phi(held) - phi(end))} and
     * ISD/local {@code eta w(z) phi(state)}, whose coordinates are {@code beta} times integers in {-1, 0, 1} (0/1 units),
     * so every nonzero {@code |d_p|} must equal {@code eta beta |w|}. That rate must be the schedule's at the step count
     * where the update began (a CD-k pair spans 2k steps, an exact update its stride), to 1e-9 relative. Counters:
     * steps = + steps + - steps; CD-k k + and k - steps per update; exact {@code exact_stride} + steps per update;
     * ISD/local one step per update. Parameters and the Polyak average finite at every checkpoint. Power: some update
     * of every multi-step mode must be one whose rate at the update count differs from the rate at the step count.
     */
    @Test
    void boltzmannRatesCountersAndFinitenessHoldAfterEveryUpdate() {
        Proofs.qtSimulation(60, 10).forAll(Generators.TINY_MODEL, Generate.enumValues(TrainingMode.class),
                integers().between(2, 4), doubles().between(1, 20))
                .checkAssert((inst, mode, k, tau) -> {
                    BoltzmannMachine model = inst.model().copy();
                    double beta = betaOf(model);
                    long perUpdate = switch (mode) {
                        case STANDARD -> 2L * k;
                        case EXACT -> k;
                        case ISD, LOCAL -> 1;
                    };
                    long updates = 25;
                    long steps = updates * perUpdate + (mode == TrainingMode.STANDARD ? perUpdate - 1 : 0);
                    TrainSettings settings = TrainSettings.DEFAULTS.withMode(mode).withCdK(k).withExactStride(k)
                            .withPhaseLength(k).withB(0.4).withSwitchProb(0.3).withLr(0.05).withLrSchedule("rm")
                            .withLrTau(tau).withLrKappa(0.7).withWeightDecay(0).withAverageFrom(0)
                            .withSteps(steps).withEvalEvery(perUpdate).withSeed(Math.round(tau * 1e6));
                    LearningRateSchedule rm = LearningRateSchedule.robbinsMonro(0.05, tau, 0.7);
                    BoltzmannTrainer trainer = new BoltzmannTrainer(settings);
                    PhaseProcess phases = trainer.newPhaseProcess();
                    List<TrainingListener.Checkpoint> seen = new ArrayList<>();
                    trainer.train(model, inst.rows(), c -> {
                        assertEquals(c.step(), c.positiveSteps() + c.negativeSteps(), "steps = + steps + - steps");
                        assertTrue(Checks.allFinite(c.current().parameters())
                                && Checks.allFinite(c.averaged().parameters()),
                                "non-finite parameters or average at step " + c.step());
                        seen.add(c);
                    });
                    assertEquals(updates + 1, seen.size(), "one checkpoint per update, and step 0");
                    int distinguishing = 0;
                    for (int n = 0; n < updates; n++) {
                        TrainingListener.Checkpoint before = seen.get(n);
                        TrainingListener.Checkpoint after = seen.get(n + 1);
                        long start = n * perUpdate;
                        assertEquals(start, before.step(), "update " + n + " began at the wrong step");
                        long plus = after.positiveSteps() - before.positiveSteps();
                        switch (mode) {
                            case STANDARD -> assertEquals((long) k, plus, "CD-k: k + steps per update");
                            case EXACT -> assertEquals(perUpdate, plus, "exact: the stride charged per update");
                            case ISD, LOCAL -> { }
                        }
                        double[] t0 = before.current().parameters();
                        double[] t1 = after.current().parameters();
                        double[] d = new double[t0.length];
                        double scale = 1;
                        for (int p = 0; p < d.length; p++) {
                            d[p] = t1[p] - t0[p];
                            scale = Math.max(scale, Math.abs(t1[p]));
                        }
                        double roundoff = 4 * Math.ulp(scale);
                        double expected = rm.rate(start);
                        double observed;
                        if (mode == TrainingMode.EXACT) {
                            double[] u = ExactAnalysis.gradient(before.current(), inst.data());
                            double du = 0;
                            double uu = 0;
                            for (int p = 0; p < u.length; p++) {
                                du += d[p] * u[p];
                                uu += u[p] * u[p];
                            }
                            if (Math.sqrt(uu) * expected < 1e6 * roundoff) {
                                continue;
                            }
                            observed = du / uu;
                        } else {
                            double unit = beta * (mode == TrainingMode.STANDARD ? 1
                                    : Math.abs(phases.weight(plus == 1 ? Phase.POSITIVE : Phase.NEGATIVE)));
                            double max = 0;
                            for (double x : d) {
                                max = Math.max(max, Math.abs(x));
                            }
                            if (max < 1e6 * roundoff) {
                                continue;
                            }
                            observed = max / unit;
                            for (int p = 0; p < d.length; p++) {
                                double steps_ = Math.abs(d[p]) / (observed * unit);
                                assertTrue(Math.abs(d[p]) <= roundoff || Math.abs(steps_ - 1) <= 1e-6,
                                        "update " + n + ": coordinate " + p + " moved " + d[p]
                                                + ", not 0 or +-eta beta |w| = " + observed * unit);
                            }
                        }
                        assertTrue(Math.abs(observed - expected) <= 1e-9 * expected + 1e3 * roundoff,
                                mode + " update " + n + " (steps " + start + ".." + (start + perUpdate) + ") took rate "
                                        + observed + ", expected the schedule's at step " + start + ": " + expected
                                        + " (at the update count " + n + " it is " + rm.rate(n) + ")");
                        if (Math.abs(rm.rate(n) - expected) > 1e-6 * expected) {
                            distinguishing++;
                        }
                    }
                    if (perUpdate > 1) {
                        assertTrue(distinguishing > 0, "no observed update could tell the step count from the update"
                                + " count (every contrast was zero)");
                    }
                });
    }

    /** beta of a Boltzmann machine: its statistic's largest coordinate with every unit on (a coupling: beta * 1 * 1). */
    static double betaOf(BoltzmannMachine model) {
        BoltzmannState on = model.newState();
        java.util.Arrays.fill(on.visible, 1.0);
        java.util.Arrays.fill(on.hidden, 1.0);
        double[] phi = new double[model.parameterCount()];
        model.addStatistic(on, 1.0, phi);
        double beta = 0;
        for (double x : phi) {
            beta = Math.max(beta, x);
        }
        return beta;
    }

    /**
     * The production {@link CouplingTrainer} in every {@link CouplingMode} with a box that binds: conductances rescaled
     * into [0.9, 1.1], box [0.88, 1.12], lr 2-20 (the rule's kicks are far larger than the box), a checkpoint after
     * every update. After every update every conductance lies in [k_min, k_max]; by the end some conductance sits on a
     * bound (so the projection was exercised); steps = + steps + - steps; standard: steps = updates * 2 T with T + and
     * T - steps each; twin: one (free) step per update; local: one step per update.
     */
    @Test
    void coupledLearningStaysInItsBindingBoxWithConsistentCounters() {
        Proofs.qtSimulation(40, 10).forAll(CircuitGenerators.circuits(6, 14, 3),
                Generate.enumValues(CouplingMode.class), integers().between(1, 4), doubles().between(2, 20))
                .checkAssert((c, mode, length, lr) -> {
                    double kMin = 0.88;
                    double kMax = 1.12;
                    ResistorNetwork base = c.net();
                    double[] k = base.conductances().clone();
                    for (int e = 0; e < k.length; e++) {
                        k[e] = 0.9 + 0.2 * (k[e] - 0.2) / 1.8;
                    }
                    ResistorNetwork net = new ResistorNetwork(base.graph(), k, kMin, kMax, base.inputs(),
                            base.ground(), base.outputs());
                    CoupledLearning sys = new CoupledLearning(net, c.task(), 0.5, 1.0);
                    long perUpdate = mode == CouplingMode.STANDARD ? 2L * length : 1;
                    long updates = 30;
                    NetworkSettings settings = NetworkSettings.DEFAULTS.withMode(mode).withPhaseLength(length)
                            .withLr(lr).withKMin(kMin).withKMax(kMax).withB(0.5).withSwitchProb(0.3)
                            .withPresentProb(0.3).withNudge(0.5).withSteps(updates * perUpdate)
                            .withEvalEvery(perUpdate).withSeed(Math.round(lr * 1e6));
                    boolean[] bound = new boolean[1];
                    List<Long> seen = new ArrayList<>();
                    LearningLoop loop = new CouplingTrainer(settings).train(sys, l -> {
                        assertEquals(l.step(), l.positiveSteps() + l.negativeSteps(), "steps = + steps + - steps");
                        switch (mode) {
                            case STANDARD -> {
                                assertEquals(l.updates() * 2 * length, l.step(), "standard: 2T steps per update");
                                assertEquals(l.updates() * length, l.positiveSteps(), "standard: T + steps per update");
                            }
                            case TWIN -> {
                                assertEquals(l.updates(), l.step(), "twin: one step per update");
                                assertEquals(0, l.positiveSteps(), "twin: steps are charged to the free copy");
                            }
                            case LOCAL -> assertEquals(l.updates(), l.step(), "local: one step per update");
                        }
                        double[] g = net.conductances();
                        for (int e = 0; e < g.length; e++) {
                            assertTrue(g[e] >= kMin && g[e] <= kMax, "conductance " + e + " = " + g[e]
                                    + " outside [" + kMin + ", " + kMax + "] after update " + l.updates()
                                    + " (step " + l.step() + ")");
                            bound[0] |= l.step() > 0 && (g[e] == kMin || g[e] == kMax);
                        }
                        assertTrue(Checks.allFinite(l.averagedParameters()), "non-finite average at " + l.step());
                        seen.add(l.step());
                    });
                    assertEquals(null, loop.divergence());
                    assertEquals(updates, loop.updates(), "updates that fit the budget");
                    assertEquals(updates + 1, seen.size(), "one checkpoint per update, and step 0");
                    assertTrue(bound[0], "the box never bound: no conductance reached k_min or k_max");
                });
    }
}
