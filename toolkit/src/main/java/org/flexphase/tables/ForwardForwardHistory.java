package org.flexphase.tables;

import java.util.Objects;
import org.flexphase.forwardforward.ForwardForwardNet;
import org.flexphase.forwardforward.ForwardForwardTrainer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * A Forward-Forward training listener that records the history in the columns of the {@code ff} command's
 * {@code history.csv}: {@code step, train_error, test_error}, each error measured on the first {@code evalSize}
 * images of its split at every checkpoint.
 *
 * <pre>{@code
 * ForwardForwardHistory history = Histories.forwardForward(trainX, trainY, testX, testY, 300);
 * trainer.train(net, trainX, trainY, history);
 * TableCharts.line(history.table(), "step", "test_error", ChartOptions.titled("FF"));
 * }</pre>
 */
public final class ForwardForwardHistory extends RowHistory<ForwardForwardHistory>
        implements ForwardForwardTrainer.Listener {
    private final double[][] trainImages;
    private final int[] trainLabels;
    private final double[][] testImages;
    private final int[] testLabels;
    private final int evalSize;

    ForwardForwardHistory(double[][] trainImages, int[] trainLabels, double[][] testImages, int[] testLabels,
                          int evalSize) {
        super(Table.create("history", LongColumn.create("step"), DoubleColumn.create("train_error"),
                DoubleColumn.create("test_error")));
        if (evalSize < 1) {
            throw new IllegalArgumentException("eval-size must be at least 1: " + evalSize);
        }
        this.trainImages = trainImages;
        this.trainLabels = trainLabels;
        this.testImages = testImages;
        this.testLabels = testLabels;
        this.evalSize = evalSize;
    }

    @Override
    public void onCheckpoint(long step, ForwardForwardNet net) {
        Objects.requireNonNull(net, "net must not be null");
        table.longColumn("step").append(step);
        table.doubleColumn("train_error").append(net.error(trainImages, trainLabels, evalSize));
        table.doubleColumn("test_error").append(net.error(testImages, testLabels, evalSize));
        rowAdded();
    }
}
