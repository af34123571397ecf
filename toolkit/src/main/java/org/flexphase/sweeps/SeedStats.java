package org.flexphase.sweeps;

import static tech.tablesaw.aggregate.AggregateFunctions.count;
import static tech.tablesaw.aggregate.AggregateFunctions.max;
import static tech.tablesaw.aggregate.AggregateFunctions.mean;
import static tech.tablesaw.aggregate.AggregateFunctions.min;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Mean, minimum and maximum across seeds with Tablesaw ({@code summarize(value, mean, min, max, count).by(...)}):
 * of a history column step by step, or of any value grouped by the columns that identify a point. Tablesaw
 * treats NaN as missing: such a value is not counted, and the {@code seeds} column says how many values each
 * point summarises (diverged runs are left out before, by the callers).
 */
public final class SeedStats {
    private SeedStats() {
    }

    /**
     * One row per distinct combination of the {@code by} columns, sorted by them, with columns {@code by...},
     * {@code mean}, {@code min}, {@code max} and {@code seeds} (how many values each point summarises).
     */
    public static Table summarize(Table rows, String value, String... by) {
        // Tablesaw groups by categorical columns only: numbers are grouped by their exact text and parsed back.
        Table keyed = rows.copy();
        for (String b : by) {
            if (keyed.column(b) instanceof DoubleColumn d) {
                keyed.replaceColumn(b, StringColumn.create(b, d.asList().stream().map(String::valueOf)));
            }
        }
        Table s = keyed.summarize(value, mean, min, max, count).by(by);
        for (String b : by) {
            if (rows.column(b) instanceof DoubleColumn) {
                s.replaceColumn(b, DoubleColumn.create(b, s.stringColumn(b).asList().stream()
                        .mapToDouble(Double::parseDouble)));
            }
        }
        s.column("Mean [" + value + "]").setName("mean");
        s.column("Min [" + value + "]").setName("min");
        s.column("Max [" + value + "]").setName("max");
        s.column("Count [" + value + "]").setName("seeds");
        return s.sortAscendingOn(by);
    }

    /**
     * {@code column} of every history against {@code step}, summarised step by step over the histories: columns
     * {@code step}, {@code mean}, {@code min}, {@code max}, {@code seeds}; only steps every history reached.
     */
    public static Table band(List<Table> histories, String column) {
        Table stacked = Table.create("stacked", DoubleColumn.create("step"), DoubleColumn.create(column));
        for (Table h : histories) {
            for (int r = 0; r < h.rowCount(); r++) {
                stacked.doubleColumn("step").append(h.numberColumn("step").getDouble(r));
                stacked.doubleColumn(column).append(h.numberColumn(column).getDouble(r));
            }
        }
        Table band = summarize(stacked, column, "step");
        return band.where(band.numberColumn("seeds").isEqualTo(histories.size()));
    }
}
