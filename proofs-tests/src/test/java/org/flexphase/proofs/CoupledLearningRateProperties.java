package org.flexphase.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.flexphase.circuits.CoupledLearning;
import org.flexphase.circuits.CouplingMode;
import org.flexphase.circuits.CouplingTrainer;
import org.flexphase.circuits.NetworkSettings;
import org.flexphase.circuits.Relaxation;
import org.flexphase.circuits.ResistorNetwork;
import org.flexphase.learning.LearningLoop;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * The rate coupled learning applies, after every update. {@link CouplingTrainer} has a constant rate only
 * ({@code LearningRateSchedule.constant(settings.lr())}; no schedule reaches it through {@code NetworkSettings}), so the
 * check is that every update applies exactly the configured rate, read off the conductances' change in a box
 * [1e-9, 1e9] (an edge the projection moved onto a bound is not read). The increment an update should apply is known exactly when each relaxation sweep lands on the exact
 * equilibrium (uniform relaxation at rate 1) and the task has one example: standard and twin updates are
 * {@code lr} times the two-phase rule at the conductances before the update ({@link CoupledLearning#addTwoPhaseUpdate}),
 * a local + step is {@code lr (1/eta_c)(1/b)(-1/2)(Delta p^C)^2}, a local - step
 * {@code lr (1/eta_c)(1/(1-b))(1/2)(Delta p^F)^2}, with the exact clamped and free equilibria of the production solver.
 */
class CoupledLearningRateProperties {

    @Test
    void everyUpdateAppliesTheConfiguredRate() {
        Proofs.qtSimulation(40, 10).forAll(CircuitGenerators.circuits(6, 14, 1), Generate.enumValues(CouplingMode.class),
                integers().between(1, 3), doubles().between(0.001, 0.05).zip(Generators.B, (x, y) -> new double[]{x, y})
                        .describedAs(x -> "lr=" + x[0] + " b=" + x[1])).checkAssert((c, mode, length, lrAndB) -> {
                    double lr = lrAndB[0];
                    double b = lrAndB[1];
                    double kMin = 1e-9;
                    double kMax = 1e9;
                    ResistorNetwork base = c.net();
                    ResistorNetwork net = new ResistorNetwork(base.graph(), base.conductances().clone(), kMin, kMax,
                            base.inputs(), base.ground(), base.outputs());
                    CoupledLearning sys = new CoupledLearning(net, c.task(), 0.5, Relaxation.Kind.UNIFORM, 1.0);
                    long perUpdate = mode == CouplingMode.STANDARD ? 2L * length : 1;
                    long updates = 30;
                    NetworkSettings settings = NetworkSettings.DEFAULTS.withMode(mode).withPhaseLength(length)
                            .withLr(lr).withKMin(kMin).withKMax(kMax).withB(b).withSwitchProb(0.3)
                            .withPresentProb(0.3).withNudge(0.5).withSteps(updates * perUpdate)
                            .withEvalEvery(perUpdate).withSeed(Math.round(lr * 1e6));
                    int edges = sys.parameterCount();
                    int nodes = net.graph().nodeCount();
                    double[] previous = sys.parameters().clone();
                    // the increments per unit rate the next update should apply, computed at the conductances before it
                    double[] paired = new double[edges];
                    double[] plus = new double[edges];
                    double[] minus = new double[edges];
                    long[] lastPlus = {0};
                    double[] clamp = new double[net.outputCount()];
                    boolean[] inPlusRun = {false};
                    int[] readings = {0};
                    LearningLoop loop = new CouplingTrainer(settings).train(sys, l -> {
                        double[] k = sys.parameters();
                        if (l.step() > 0) {
                            boolean positive = l.positiveSteps() > lastPlus[0];
                            double[] unit = mode != CouplingMode.LOCAL ? paired : positive ? plus : minus;
                            for (int e = 0; e < edges; e++) {
                                double inc = lr * unit[e];
                                // an edge the projection moved onto its bound tells nothing about the rate
                                if (k[e] <= kMin || k[e] >= kMax || !(Math.abs(inc) > 1e-7 * (1 + Math.abs(previous[e])))) {
                                    continue;
                                }
                                double rate = (k[e] - previous[e]) / unit[e];
                                readings[0]++;
                                assertEquals(lr, rate, 1e-7 * lr, mode + " update " + l.updates() + " (step " + l.step()
                                        + (mode == CouplingMode.LOCAL ? (positive ? ", +" : ", -") : "")
                                        + ") applied rate " + rate + " to edge " + e + ", configured " + lr);
                            }
                        }
                        System.arraycopy(k, 0, previous, 0, edges);
                        // a + phase holds the clamp its first step computed (CoupledLearning.step); a - step drops it
                        boolean wasPlus = l.positiveSteps() > lastPlus[0];
                        if (!wasPlus) {
                            sys.nudgedOutputs(0, clamp);
                        }
                        inPlusRun[0] = wasPlus;
                        lastPlus[0] = l.positiveSteps();
                        java.util.Arrays.fill(paired, 0);
                        sys.addTwoPhaseUpdate(0, 1.0, paired);
                        double[] pf = new double[nodes];
                        double[] pc = new double[nodes];
                        double[] zero = new double[nodes];
                        sys.freeEquilibrium(0, pf);
                        if (mode == CouplingMode.LOCAL && inPlusRun[0]) {
                            sys.clampedEquilibrium(0, clamp, pc);
                        } else {
                            sys.clampedEquilibrium(0, pc);
                        }
                        java.util.Arrays.fill(plus, 0);
                        java.util.Arrays.fill(minus, 0);
                        sys.addRule(zero, pc, 1 / b, plus);
                        sys.addRule(pf, zero, 1 / (1 - b), minus);
                    });
                    assertEquals(null, loop.divergence());
                    assertEquals(updates, loop.updates(), "updates that fit the budget");
                    assertTrue(readings[0] > 0, "no update changed a conductance clearly");
                });
    }
}
