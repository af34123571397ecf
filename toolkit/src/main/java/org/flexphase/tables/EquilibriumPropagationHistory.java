package org.flexphase.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
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
public final class EquilibriumPropagationHistory implements LearningLoop.CheckpointListener {
    private final HopfieldNetwork network;
    private final Examples train;
    private final Examples test;
    private final int evalSweeps;
    private final Table table = Table.create("history", LongColumn.create("step"), LongColumn.create("relaxation_steps"),
            DoubleColumn.create("train_error"), DoubleColumn.create("test_error"));
    private final List<Consumer<Table>> afterRow = new ArrayList<>();

    EquilibriumPropagationHistory(HopfieldNetwork network, Examples train, Examples test, int evalSweeps) {
        this.network = network;
        this.train = train;
        this.test = test;
        this.evalSweeps = evalSweeps;
    }

    /** Calls {@code action} with the whole table after every new row (write it to disk, redraw a live chart). */
    public EquilibriumPropagationHistory then(Consumer<Table> action) {
        afterRow.add(action);
        return this;
    }

    /** The rows recorded so far. */
    public Table table() {
        return table;
    }

    @Override
    public void onCheckpoint(LearningLoop loop) {
        table.longColumn("step").append(loop.updates());
        table.longColumn("relaxation_steps").append(loop.step());
        table.doubleColumn("train_error").append(EquilibriumPropagationTrainer.errorRate(network, train, evalSweeps));
        table.doubleColumn("test_error").append(EquilibriumPropagationTrainer.errorRate(network, test, evalSweeps));
        afterRow.forEach(a -> a.accept(table));
    }
}
