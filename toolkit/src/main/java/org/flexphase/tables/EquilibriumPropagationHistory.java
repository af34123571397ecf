package org.flexphase.tables;

import java.util.Objects;
import org.flexphase.hopfield.EquilibriumPropagationTrainer;
import org.flexphase.hopfield.Examples;
import org.flexphase.hopfield.HopfieldNetwork;
import org.flexphase.learning.LearningLoop;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * A checkpoint listener that records a Hopfield network's history in the columns of the {@code ep} command's
 * {@code history.csv}: {@code step} (parameter updates), {@code relaxation_steps}, {@code train_error},
 * {@code test_error}, each error on the given examples after a free relaxation of {@code evalSweeps} sweeps.
 *
 * <pre>{@code
 * EquilibriumPropagationHistory history = Histories.equilibriumPropagation(net, trainHead, testHead, 20);
 * new EquilibriumPropagationTrainer(settings).train(net, train, history);
 * history.table().print();
 * }</pre>
 */
public final class EquilibriumPropagationHistory extends RowHistory<EquilibriumPropagationHistory>
        implements LearningLoop.CheckpointListener {
    private final HopfieldNetwork network;
    private final Examples train;
    private final Examples test;
    private final int evalSweeps;

    EquilibriumPropagationHistory(HopfieldNetwork network, Examples train, Examples test, int evalSweeps) {
        super(Table.create("history", LongColumn.create("step"), LongColumn.create("relaxation_steps"),
                DoubleColumn.create("train_error"), DoubleColumn.create("test_error")));
        this.network = network;
        this.train = train;
        this.test = test;
        this.evalSweeps = evalSweeps;
    }

    @Override
    public void onCheckpoint(LearningLoop loop) {
        Objects.requireNonNull(loop, "loop must not be null");
        table.longColumn("step").append(loop.updates());
        table.longColumn("relaxation_steps").append(loop.step());
        table.doubleColumn("train_error").append(EquilibriumPropagationTrainer.errorRate(network, train, evalSweeps));
        table.doubleColumn("test_error").append(EquilibriumPropagationTrainer.errorRate(network, test, evalSweeps));
        rowAdded();
    }
}
