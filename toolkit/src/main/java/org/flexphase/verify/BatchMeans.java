package org.flexphase.verify;

/**
 * Mean and standard error per coordinate from {@code n} batch means (rows), the error {@code sd / sqrt(n)} with the
 * sample standard deviation of the batch means: with batches much longer than the correlation time they are nearly
 * independent, and the t statistic has about {@code n - 1} degrees of freedom.
 */
record BatchMeans(double[] mean, double[] standardError, int batches) {

    static BatchMeans of(double[][] rows) {
        int n = rows.length;
        int k = rows[0].length;
        double[] mean = new double[k];
        double[] se = new double[k];
        for (int q = 0; q < k; q++) {
            double m = 0;
            for (double[] row : rows) {
                m += row[q];
            }
            m /= n;
            double v = 0;
            for (double[] row : rows) {
                v += (row[q] - m) * (row[q] - m);
            }
            mean[q] = m;
            se[q] = Math.sqrt(v / (n - 1) / n);
        }
        return new BatchMeans(mean, se, n);
    }
}
