package org.flexphase.tables;

import java.util.Objects;
import org.flexphase.circuits.Classification;
import org.flexphase.circuits.CoupledLearning;
import org.flexphase.learning.LearningLoop;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * A checkpoint listener that records a resistor network's coupled learning in the columns of the {@code network}
 * command's {@code history.csv}: {@code step}, {@code cost} (the training set at the free equilibria) and, for a
 * classification task, {@code train_error} and {@code test_error}; when the system learns the cost plus
 * {@code lambda} times the free power ({@link CoupledLearning#withPowerWeight}), {@code power} (the mean dissipated
 * power at the free equilibria) and {@code objective} ({@code cost + lambda power}, what the rule descends).
 *
 * <pre>{@code
 * CoupledLearningHistory history = Histories.coupledLearning(system, null);
 * CouplingTrainer.train(system, config, history);
 * TableCharts.line(history.table(), "step", "cost", ChartOptions.titled("cost").logY());
 * }</pre>
 */
public final class CoupledLearningHistory extends RowHistory<CoupledLearningHistory>
        implements LearningLoop.CheckpointListener {
    private final CoupledLearning system;
    private final java.util.function.DoubleSupplier cost;
    private final Classification classification;
    private java.util.function.LongSupplier updatesMade;

    CoupledLearningHistory(CoupledLearning system, Classification classification) {
        this(system, system::cost, classification);
    }

    /** A history of a system whose cost only is read ({@code system} null: no power or classification columns). */
    CoupledLearningHistory(CoupledLearning system, java.util.function.DoubleSupplier cost,
                           Classification classification) {
        super(Table.create("history", LongColumn.create("step"), DoubleColumn.create("cost")));
        this.system = system;
        this.cost = cost;
        this.classification = classification;
        if (classification != null) {
            table.addColumns(DoubleColumn.create("train_error"), DoubleColumn.create("test_error"));
        }
        if (system != null && system.powerWeight() > 0) {
            table.addColumns(DoubleColumn.create("power"), DoubleColumn.create("objective"));
        }
    }

    /**
     * Adds a column {@code updates_made}: at each checkpoint, the updates that changed the conductances so far (an
     * update-on-error run skips the examples it classifies, so this falls behind the loop's updates). Returns this.
     */
    public CoupledLearningHistory withUpdatesMade(java.util.function.LongSupplier made) {
        this.updatesMade = Objects.requireNonNull(made, "made must not be null");
        table.addColumns(LongColumn.create("updates_made"));
        return this;
    }

    @Override
    public void onCheckpoint(LearningLoop loop) {
        Objects.requireNonNull(loop, "loop must not be null");
        table.longColumn("step").append(loop.step());
        double cost = this.cost.getAsDouble();
        table.doubleColumn("cost").append(cost);
        if (classification != null) {
            table.doubleColumn("train_error").append(classification.trainError(system));
            table.doubleColumn("test_error").append(classification.testError(system));
        }
        if (system != null && system.powerWeight() > 0) {
            double power = system.power();
            table.doubleColumn("power").append(power);
            table.doubleColumn("objective").append(cost + system.powerWeight() * power);
        }
        if (updatesMade != null) {
            table.longColumn("updates_made").append(updatesMade.getAsLong());
        }
        rowAdded();
    }
}
