package org.flexphase.sweeps;

import java.util.List;
import tech.tablesaw.api.Table;

/** Mean, minimum and maximum across seeds, of a history column row by row or of its final value. */
public final class SeedStats {
    private SeedStats() {
    }

    /** {@code {mean[], min[], max[]}} over the first {@code n} rows of {@code column} in every table. */
    public static double[][] band(List<Table> histories, String column, int n) {
        double[][] out = new double[3][n];
        for (int r = 0; r < n; r++) {
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (Table h : histories) {
                double v = h.doubleColumn(column).get(r);
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            out[0][r] = sum / histories.size();
            out[1][r] = min;
            out[2][r] = max;
        }
        return out;
    }

    /** {@code {mean, min, max}} of the last value of {@code column} across tables. */
    public static double[] finalStats(List<Table> histories, String column) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Table h : histories) {
            double v = h.doubleColumn(column).get(h.rowCount() - 1);
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new double[]{sum / histories.size(), min, max};
    }
}
