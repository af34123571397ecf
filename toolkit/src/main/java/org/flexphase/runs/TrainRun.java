package org.flexphase.runs;

import static org.flexphase.util.InvalidSetting.label;

import java.nio.file.Path;
import org.flexphase.boltzmann.BoltzmannTrainer;
import org.flexphase.boltzmann.Rbm;
import org.flexphase.boltzmann.TrainSettings;
import org.flexphase.estimation.AnnealedImportanceSampling;
import org.flexphase.estimation.AnnealingSchedule;
import org.flexphase.util.Rngs;

/**
 * How a {@code train} run goes: binary data ({@link BoltzmannRun}, exact evaluation) or labelled images
 * ({@link LabelledRbmRun}, error rates and, when asked, the test log-likelihood by AIS), from its
 * {@link TrainSettings}, and its row of a sweep's summary table.
 */
public final class TrainRun {
    private TrainRun() {
    }

    /** A run of the {@code train} kind: validated, trained and written under {@code out} (nothing when null). */
    public static RunOutcome<RunSummary> outcome(TrainSettings s, Path out) {
        s.validate();
        if (s.labelled()) {
            var split = Datasets.labelled(s.data(), s.dataDir());
            var run = new LabelledRbmRun(s.data(), split.train().binarised(s.binarise()), split.train().labelArray(),
                    split.test().binarised(s.binarise()), split.test().labelArray(), 10)
                    .estimatingLogLikelihood(annealing(s));
            var o = run.run((Rbm) s.newModel(split.train().pixelsPerImage() + 10), s, out);
            return new RunOutcome<>(o.history(), o.summary());
        }
        double[][] rows = Datasets.binaryRows(s.data());
        var o = new BoltzmannRun(s.data(), rows).run(s.newModel(rows[0].length), s, out);
        return new RunOutcome<>(o.history(), o.summary());
    }

    /** A run's row of a sweep's summary table. */
    public static SweepColumns sweepColumns(TrainSettings s) {
        return new SweepColumns(label(s.mode()), s.b(), s.switchProb(), label(s.negativeStart()),
                s.schedule().describe(), s.steps());
    }

    /** The AIS estimator of the final summary (equal steps in inverse temperature); null when not asked for. */
    public static AnnealedImportanceSampling annealing(TrainSettings s) {
        return s.estimatesLogLikelihood() ? AnnealedImportanceSampling.of(AnnealingSchedule.uniform(s.aisSteps()),
                s.aisRuns(), Rngs.mix(s.seed(), 0xA15L)) : null;
    }
}
