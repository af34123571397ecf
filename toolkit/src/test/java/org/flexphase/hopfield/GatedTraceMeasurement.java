package org.flexphase.hopfield;

import java.util.Locale;
import org.flexphase.data.MnistSubset;
import org.flexphase.learning.LearningLoop;
import org.flexphase.learning.LearningRateSchedule;
import org.flexphase.learning.LocalLearning;
import org.flexphase.learning.TraceGate;
import org.flexphase.phases.GeometricPhaseProcess;
import org.flexphase.phases.LengthLaws;
import org.flexphase.util.Rngs;

/**
 * Measures flexible-phase EP with the phase-gated trace on the MNIST subset through the Java API (docs/experiments.md,
 * "Phase-gated trace"), built as {@code runs/EpRun} and the trainer's LOCAL mode build it: 784-500-10 Glorot network
 * (seed stream 1), examples in shuffled passes of 24 sweeps each, b = 0.5 (unless given), one sweep per step, every step
 * {@code theta += (eta/24) w(z) phi / beta}, with the system's trace option. Not a test: run with
 * {@code java -cp ... org.flexphase.hopfield.GatedTraceMeasurement gate:tau:p:beta:lr:lrTauEpochs:epochs:seed[:length[:holdAfter[:b[:settleNudged[:settleFree[:commit]]]]]] ...}
 * ({@code gate} is none, always, free-only or free-only-nudged-term; the settle counts are
 * {@link EquilibriumPropagation#withPhaseSettle}'s, commit 1 is
 * {@link EquilibriumPropagation#withCommitAtSwitch}); prints one line per configuration.
 */
public final class GatedTraceMeasurement {
    private GatedTraceMeasurement() {
    }

    public static void main(String[] args) {
        MnistSubset.Split split = MnistSubset.split(MnistSubset.load());
        Examples train = Examples.of(split.train());
        Examples test = Examples.of(split.test());
        for (String arg : args) {
            String[] f = arg.split(":");
            String gate = f[0];
            double tau = Double.parseDouble(f[1]);
            double p = Double.parseDouble(f[2]);
            double beta = Double.parseDouble(f[3]);
            double lr = Double.parseDouble(f[4]);
            double lrTauEpochs = Double.parseDouble(f[5]);
            int epochs = Integer.parseInt(f[6]);
            long seed = Long.parseLong(f[7]);
            int length = f.length > 8 ? Integer.parseInt(f[8]) : 24;
            int hold = f.length > 9 ? Integer.parseInt(f[9]) : 0;
            double b = f.length > 10 ? Double.parseDouble(f[10]) : 0.5;
            int settleNudged = f.length > 11 ? Integer.parseInt(f[11]) : 0;
            int settleFree = f.length > 12 ? Integer.parseInt(f[12]) : 0;
            boolean commit = f.length > 13 && Integer.parseInt(f[13]) == 1;
            long epoch = 24L * train.count();
            HopfieldNetwork net = HopfieldNetwork.glorot(Rngs.stream(seed, 1), train.inputSize(), 500, 10);
            EquilibriumPropagation sys = EquilibriumPropagation.of(net, EquilibriumPropagation.Nudge.ONE_SIDED, beta);
            if (!gate.equals("none")) {
                sys = sys.withTrace(tau, TraceGate.valueOf(gate.toUpperCase(Locale.ROOT).replace('-', '_')), hold);
                if (settleNudged + settleFree > 0) {
                    sys = sys.withPhaseSettle(settleNudged, settleFree);
                }
                if (commit) {
                    sys = sys.withCommitAtSwitch(true);
                }
            }
            LearningRateSchedule schedule = lrTauEpochs == 0 ? LearningRateSchedule.constant(lr)
                    : LearningRateSchedule.robbinsMonro(lr, (long) (lrTauEpochs * epoch), 1.0);
            StringBuilder curve = new StringBuilder();
            LearningLoop loop = new LearningLoop(net.parameters(), null, schedule, epochs * epoch, epoch,
                    Long.MAX_VALUE, 1, l -> {
                        if (l.step() > 0) {
                            curve.append(String.format(Locale.ROOT, " %.2f", 100 * EquilibriumPropagationTrainer
                                    .errorRate(net, test, 20)));
                        }
                    });
            long t0 = System.nanoTime();
            if (loop.begin()) {
                new LocalLearning<>(sys, EquilibriumPropagationTrainer.presentation(train, LengthLaws.fixed(length)),
                        GeometricPhaseProcess.of(b, p)).scale(sys.scale() / length).run(loop, sys.newState(),
                        Rngs.create(seed));
            }
            loop.finish();
            net.parametersChanged();
            double testError = EquilibriumPropagationTrainer.errorRate(net, test, 20);
            System.out.printf(Locale.ROOT, "%s test_error=%.2f%% per-epoch=[%s ] diverged=%s wall=%.0fs%n", arg,
                    100 * testError, curve, loop.divergence() != null, (System.nanoTime() - t0) / 1e9);
        }
    }
}
