package org.flexphase.experiments;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.flexphase.sweeps.Sweep;
import tech.tablesaw.api.Table;

/**
 * One of the paper's experiments as {@code reproduce} sees it: a set of keyed runs, handed to the sweep engine,
 * and the figures and tables drawn from them once they are done.
 */
public interface Experiment {
    /** The folder under {@code reproduce --out} and the label of the progress bar, e.g. {@code bas}. */
    String name();

    /** Every run of the experiment. */
    List<Sweep.Job> jobs();

    /** Runs (or resumes) every job into {@code out} and writes the figures and tables; returns the tables by name. */
    Map<String, Table> run(Path out, int threads, Consumer<Sweep.JobResult> onDone);
}
