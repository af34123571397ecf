package org.flexphase.data;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.flexphase.util.Rngs;

/**
 * Fisher's Iris data as shipped in scikit-learn (data/README.md): 150 flowers, 4 measurements in cm, 3 classes. The
 * file's SHA-256 is verified on every load; a missing, corrupt or malformed file is an error naming the file and the
 * reason.
 *
 * @param features {@code features[i]} = sepal length, sepal width, petal length, petal width
 * @param labels   class 0 (setosa), 1 (versicolor) or 2 (virginica)
 */
public record Iris(double[][] features, int[] labels) {
    /** SHA-256 of {@code iris.csv}. */
    public static final String SHA256 = "f13ffa8fdd56fd8e6c8d16d4081a3fbd3114bcd0aae4256c43205169cd9d1449";
    static final String RESOURCE = "/org/flexphase/data/iris/iris.csv";

    /** The copy inside the jar. */
    public static Iris load() {
        InputStream in = Iris.class.getResourceAsStream(RESOURCE);
        return parse(IdxFiles.readAll(in, "classpath:" + RESOURCE), "classpath:" + RESOURCE);
    }

    /** The copy {@code dir/iris.csv} (for example the repository's {@code data/iris}). */
    public static Iris load(Path dir) {
        Path file = dir.resolve("iris.csv");
        return parse(MnistSubset.read(file), file.toString());
    }

    static Iris parse(byte[] bytes, String name) {
        IdxFiles.verify(bytes, SHA256, name);
        String[] lines = new String(bytes, StandardCharsets.US_ASCII).strip().split("\n");
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].strip().split(",");
            if (f.length != 5) {
                throw new IdxFiles.DataFileException(name + ": line " + (i + 1) + " has " + f.length
                        + " fields, expected 5");
            }
            double[] x = new double[4];
            for (int k = 0; k < 4; k++) {
                x[k] = Double.parseDouble(f[k]);
            }
            rows.add(x);
            labels.add(Integer.parseInt(f[4]));
        }
        return new Iris(rows.toArray(new double[0][]), labels.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Number of flowers. */
    public int size() {
        return labels.length;
    }

    /** A stratified split: per class, shuffled by {@code seed}, the first {@code testPerClass} go to the test set. */
    public Iris[] split(long seed, int testPerClass) {
        RandomGenerator rng = Rngs.create(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    members.add(i);
                }
            }
            for (int i = members.size() - 1; i > 0; i--) {
                java.util.Collections.swap(members, i, rng.nextInt(i + 1));
            }
            test.addAll(members.subList(0, testPerClass));
            train.addAll(members.subList(testPerClass, members.size()));
        }
        return new Iris[]{select(train), select(test)};
    }

    private Iris select(List<Integer> idx) {
        double[][] x = new double[idx.size()][];
        int[] y = new int[idx.size()];
        for (int k = 0; k < y.length; k++) {
            x[k] = features[idx.get(k)].clone();
            y[k] = labels[idx.get(k)];
        }
        return new Iris(x, y);
    }
}
