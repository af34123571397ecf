package org.flexphase.circuits;

import java.util.Locale;
import org.flexphase.learning.LearningLoop;
import org.flexphase.runs.NetworkRun;
import org.flexphase.util.Rngs;

/**
 * Measures coupled learning with saturating elements against linear resistors (docs/experiments.md, "Nonlinear
 * elements"): the network, roles and task of {@code network --nodes 64 --task T --mode M --lr A --steps N --seed S}
 * ({@link NetworkRun#system}, every other setting at its default), then the same network with
 * {@code F(v) = v^2/2 + c log cosh v} on every edge trained by {@link NonlinearTrainer}; {@code linear} instead trains
 * the linear system with {@link CouplingTrainer}, as {@code network} does. The trainer's stream is mixed from the seed
 * as a network run's is. Not a test: run with
 * {@code java -cp ... org.flexphase.circuits.NonlinearElementMeasurement task:mode:c:lr:steps:seed ...} ({@code c} a
 * number or {@code linear}); prints the final cost relative to the initial one and the mean of the last five
 * checkpoints.
 */
public final class NonlinearElementMeasurement {
    private NonlinearElementMeasurement() {
    }

    public static void main(String[] args) {
        for (String arg : args) {
            String[] f = arg.split(":");
            long steps = Long.parseLong(f[4]);
            NetworkSettings s = NetworkSettings.DEFAULTS
                    .withTask(TaskKind.valueOf(f[0].toUpperCase(Locale.ROOT)))
                    .withMode(CouplingMode.valueOf(f[1].toUpperCase(Locale.ROOT)))
                    .withLr(Double.parseDouble(f[3])).withSteps(steps).withEvalEvery(steps / 20)
                    .withSeed(Long.parseLong(f[5]));
            s.validate();
            CoupledLearning linear = NetworkRun.system(s).system();
            NetworkSettings trainer = s.withSeed(Rngs.mix(s.seed(), 3));
            double[] late = new double[5];
            int[] count = {0};
            double initial;
            double fin;
            LearningLoop loop;
            long t0 = System.nanoTime();
            if (f[2].equals("linear")) {
                initial = linear.cost();
                loop = new CouplingTrainer(trainer).train(linear, l -> late[count[0]++ % late.length] = linear.cost());
                fin = linear.cost();
            } else {
                NonlinearCoupledLearning sys = new NonlinearCoupledLearning(linear.network(),
                        Element.saturating(Double.parseDouble(f[2])), linear.task(), s.nudge(), s.relaxRate());
                initial = sys.cost();
                loop = new NonlinearTrainer(trainer).train(sys, l -> late[count[0]++ % late.length] = sys.cost());
                fin = sys.cost();
            }
            double lateMean = 0;
            for (double c : late) {
                lateMean += c / late.length / initial;
            }
            System.out.printf(Locale.ROOT, "%s relative_cost=%.4g late5=%.4g initial=%.4f final=%.4g diverged=%s "
                    + "wall=%.0fs%n", arg, fin / initial, lateMean, initial, fin, loop.divergence() != null,
                    (System.nanoTime() - t0) / 1e9);
        }
    }
}
