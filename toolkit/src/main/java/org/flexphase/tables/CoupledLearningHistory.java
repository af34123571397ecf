package org.flexphase.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.flexphase.circuits.Classification;
import org.flexphase.circuits.CoupledLearning;
import org.flexphase.learning.LearningLoop;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * A checkpoint listener that records a resistor network's coupled learning in the columns of the {@code network}
 * command's {@code history.csv}: {@code step}, {@code cost} (the training set at the free equilibria) and, for a
 * classification task, {@code train_error} and {@code test_error}.
 *
 * <pre>{@code
 * CoupledLearningHistory history = Histories.coupledLearning(system, null);
 * CouplingTrainer.train(system, config, history);
 * TableCharts.line(history.table(), "step", "cost", ChartOptions.titled("cost").logY());
 * }</pre>
 */
public final class CoupledLearningHistory implements LearningLoop.CheckpointListener {
    private final CoupledLearning system;
    private final Classification classification;
    private final Table table;
    private final List<Consumer<Table>> afterRow = new ArrayList<>();

    CoupledLearningHistory(CoupledLearning system, Classification classification) {
        this.system = system;
        this.classification = classification;
        this.table = Table.create("history", LongColumn.create("step"), DoubleColumn.create("cost"));
        if (classification != null) {
            table.addColumns(DoubleColumn.create("train_error"), DoubleColumn.create("test_error"));
        }
    }

    /** Calls {@code action} with the whole table after every new row (write it to disk, redraw a live chart). */
    public CoupledLearningHistory then(Consumer<Table> action) {
        afterRow.add(action);
        return this;
    }

    /** The rows recorded so far. */
    public Table table() {
        return table;
    }

    @Override
    public void onCheckpoint(LearningLoop loop) {
        table.longColumn("step").append(loop.step());
        table.doubleColumn("cost").append(system.cost());
        if (classification != null) {
            table.doubleColumn("train_error").append(classification.trainError(system));
            table.doubleColumn("test_error").append(classification.testError(system));
        }
        afterRow.forEach(a -> a.accept(table));
    }
}
