package org.flexphase.tables;

import java.util.Objects;
import org.flexphase.boltzmann.DataDistribution;
import org.flexphase.boltzmann.ExactAnalysis;
import org.flexphase.boltzmann.TrainingListener;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * A training listener that records a Boltzmann machine's history with exact evaluation, one row per checkpoint,
 * in the columns of {@code history.csv}: {@code step, nll_per_row, tv, nll_per_row_avg, tv_avg, kl,
 * positive_steps, negative_steps} (current and Polyak-averaged parameters). Small models only: each row
 * enumerates the model.
 *
 * <pre>{@code
 * BoltzmannHistory history = Histories.boltzmann(DataDistribution.of(rows));
 * new BoltzmannTrainer(config).train(rbm, rows, history);
 * history.table().print();
 * }</pre>
 */
public final class BoltzmannHistory extends RowHistory<BoltzmannHistory> implements TrainingListener {
    private final DataDistribution data;

    BoltzmannHistory(DataDistribution data) {
        super(Table.create("history",
                LongColumn.create("step"), DoubleColumn.create("nll_per_row"), DoubleColumn.create("tv"),
                DoubleColumn.create("nll_per_row_avg"), DoubleColumn.create("tv_avg"), DoubleColumn.create("kl"),
                LongColumn.create("positive_steps"), LongColumn.create("negative_steps")));
        this.data = data;
    }

    @Override
    public void onCheckpoint(Checkpoint c) {
        Objects.requireNonNull(c, "checkpoint must not be null");
        ExactAnalysis.Metrics now = ExactAnalysis.metrics(c.current(), data);
        ExactAnalysis.Metrics avg = ExactAnalysis.metrics(c.averaged(), data);
        table.longColumn("step").append(c.step());
        table.doubleColumn("nll_per_row").append(now.nllPerRow());
        table.doubleColumn("tv").append(now.totalVariation());
        table.doubleColumn("nll_per_row_avg").append(avg.nllPerRow());
        table.doubleColumn("tv_avg").append(avg.totalVariation());
        table.doubleColumn("kl").append(now.kl());
        table.longColumn("positive_steps").append(c.positiveSteps());
        table.longColumn("negative_steps").append(c.negativeSteps());
        rowAdded();
    }
}
