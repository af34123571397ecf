package org.flexphase.runs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.flexphase.boltzmann.BoltzmannMachine;
import org.flexphase.boltzmann.BoltzmannTrainer;
import org.flexphase.boltzmann.Rbm;
import org.flexphase.boltzmann.TrainSettings;
import org.flexphase.circuits.NetworkSettings;
import org.flexphase.circuits.ResistorNetwork;
import org.flexphase.data.BarsAndStripes;
import org.flexphase.data.Digits;
import org.flexphase.data.MnistSubset;
import org.flexphase.forwardforward.ForwardForwardSettings;
import org.flexphase.tables.NullArgumentTable;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The run facades notebooks call ({@code new BoltzmannRun(...).run(...)}, {@code LabelledRbmRun},
 * {@code ForwardForwardRun}, {@code NetworkRun.run}) name a null argument before training starts, instead of a
 * bare NullPointerException inside the trainer, or after the first checkpoint of a long run. Only {@code out}
 * (no files; not tried, as that would train) and the annealing of {@code estimatingLogLikelihood} (no
 * log-likelihood) may be null. The outcome
 * records are results the runs build, not inputs, so their components are not checked.
 */
class NotebookRunsNullArgumentTest {

    @Test
    void everyFacadeMethodNamesTheArgumentThatIsNull(@TempDir Path dir) {
        double[][] rows = BarsAndStripes.published4x4();
        Digits digits = MnistSubset.load().select("few", new int[]{0, 1});
        // Tiny real runs, for the outcomes whose asRun is called.
        TrainSettings tiny = TrainSettings.DEFAULTS.withSteps(200).withEvalEvery(100);
        BoltzmannRun.Outcome boltzmann = new BoltzmannRun("bas4", rows).run(Rbm.randomized(16, 2, 0.01, Rngs.create(1)),
                tiny, null);
        double[][] inputs = {{0, 1}, {1, 0}};
        LabelledRbmRun.Outcome labelled = new LabelledRbmRun("two", inputs, new int[]{0, 1}, inputs, new int[]{0, 1}, 2)
                .run(Rbm.randomized(4, 2, 0.01, Rngs.create(1)), tiny.withEvalSize(2), null);
        ForwardForwardRun.Outcome ff = new ForwardForwardRun(digits, digits).run(ForwardForwardSettings.DEFAULTS
                .withHidden(List.of(4)).withEpochs(1).withEvalEvery(2).withEvalSize(2), null);
        NullArgumentTable table = new NullArgumentTable()
                .sample(String.class, "s").sample(Path.class, dir.resolve("out")).sample(double[][].class, rows)
                .sample(int[].class, new int[]{0}).sample(Digits.class, digits)
                .sample(BoltzmannMachine.class, Rbm.randomized(16, 2, 0.01, Rngs.create(1)))
                .sample(Rbm.class, Rbm.randomized(16, 2, 0.01, Rngs.create(1)))
                .sample(TrainSettings.class, TrainSettings.DEFAULTS)
                .sample(BoltzmannTrainer.class, new BoltzmannTrainer(TrainSettings.DEFAULTS))
                .sample(ForwardForwardSettings.class, ForwardForwardSettings.DEFAULTS)
                .sample(NetworkSettings.class, NetworkSettings.DEFAULTS).sample(Consumer.class, (Consumer<Table>) t -> { })
                .sample(Table.class, Table.create("t"))
                .receiver(BoltzmannRun.class, new BoltzmannRun("bas4", rows))
                .receiver(LabelledRbmRun.class, new LabelledRbmRun("few", rows, new int[rows.length], rows,
                        new int[rows.length], 2))
                .receiver(ForwardForwardRun.class, new ForwardForwardRun(digits, digits))
                .receiver(BoltzmannRun.Outcome.class, boltzmann).receiver(LabelledRbmRun.Outcome.class, labelled)
                .receiver(ForwardForwardRun.Outcome.class, ff)
                .expect("new BoltzmannRun(String,double[][])", "dataName", "rows")
                .expect("BoltzmannRun.run(BoltzmannMachine,TrainSettings,Path)", "model", "settings", "~out")
                .expect("BoltzmannRun.run(BoltzmannMachine,BoltzmannTrainer,Path,Consumer)",
                        "model", "trainer", "~out", "afterCheckpoint")
                .expect("BoltzmannRun.Outcome.asRun(String)", "key")
                .expect("new BoltzmannRun.Outcome(Table,TrainingResult,BoltzmannSummary)", "?history", "?result", "?summary")
                .expect("new LabelledRbmRun(String,double[][],int[],double[][],int[],int)",
                        "dataName", "trainInputs", "trainLabels", "testInputs", "testLabels", "classes")
                .expect("LabelledRbmRun.estimatingLogLikelihood(AnnealedImportanceSampling)", "?annealing")
                .expect("LabelledRbmRun.error(Rbm,int,double[][],int[],int,long)", "rbm", "classes", "inputs", "labels",
                        "n", "seed")
                .expect("LabelledRbmRun.run(Rbm,TrainSettings,Path)", "model", "settings", "~out")
                .expect("LabelledRbmRun.run(Rbm,BoltzmannTrainer,Path,Consumer)", "model", "trainer", "~out",
                        "afterCheckpoint")
                .expect("LabelledRbmRun.Outcome.asRun(String)", "key")
                .expect("new LabelledRbmRun.Outcome(Table,TrainingResult,LabelledRbmSummary)",
                        "?history", "?result", "?summary")
                .expect("new ForwardForwardRun(Digits,Digits)", "train", "test")
                .expect("ForwardForwardRun.run(ForwardForwardSettings,Path)", "settings", "~out")
                .expect("ForwardForwardRun.run(ForwardForwardSettings,Path,Consumer)", "settings", "~out",
                        "afterCheckpoint")
                .expect("ForwardForwardRun.outcome(ForwardForwardSettings,Path)", "settings", "~out")
                .expect("ForwardForwardRun.sweepColumns(ForwardForwardSettings)", "settings")
                .expect("ForwardForwardRun.Outcome.asRun(String)", "key")
                .expect("new ForwardForwardRun.Outcome(Table,Result,ForwardForwardSummary)", "?history", "?result",
                        "?summary")
                .expect("NetworkRun.system(NetworkSettings)", "settings")
                .expect("NetworkRun.run(NetworkSettings,Path)", "settings", "~out")
                .expect("NetworkRun.outcome(NetworkSettings,Path)", "settings", "~out")
                .expect("NetworkRun.sweepColumns(NetworkSettings)", "settings")
                .expect("NetworkRun.historyChart(Table,String)", "history", "title")
                .expect("NetworkRun.edges(ResistorNetwork)", "net")
                .expect("new NetworkRun.Outcome(Table,NetworkSummary,CoupledLearning)", "?history", "?summary", "?system")
                .expect("new NetworkRun.Built(CoupledLearning,Classification,int)", "?system", "?classification",
                        "redraws");
        List<Class<?>> facades = List.of(BoltzmannRun.class, BoltzmannRun.Outcome.class, LabelledRbmRun.class,
                LabelledRbmRun.Outcome.class, ForwardForwardRun.class, ForwardForwardRun.Outcome.class,
                NetworkRun.class, NetworkRun.Outcome.class, NetworkRun.Built.class);
        List<String> failures = table.failures(facades);
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }
}
