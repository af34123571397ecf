package org.flexphase.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on an interactive terminal; otherwise (CI, pipes, notebooks) one line on standard error when the
 * part ends, so a log shows each part's progress without a bar's redraws. Thread-safe: parallel runs may call
 * {@link #step} concurrently.
 */
public final class Progress implements AutoCloseable {
    private final ProgressBar bar;
    private final String task;
    private final long total;
    private final long started = System.nanoTime();
    private long done;

    private Progress(ProgressBar bar, String task, long total) {
        this.bar = bar;
        this.task = task;
        this.total = total;
    }

    /** A bar of {@code total} units titled {@code task}, shown only when stdout is a terminal and CI is unset. */
    public static Progress of(String task, long total) {
        boolean interactive = System.console() != null && System.getenv("CI") == null;
        if (!interactive) {
            return new Progress(null, task, total);
        }
        return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate().build(), task, total);
    }

    /** Advances the bar by {@code units}. */
    public synchronized void step(long units) {
        done += units;
        if (bar != null) {
            bar.stepBy(units);
        }
    }

    /** Shows {@code text} beside the bar. */
    public synchronized void message(String text) {
        if (bar != null) {
            bar.setExtraMessage(text);
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        } else {
            System.err.printf(java.util.Locale.ROOT, "%s: %d of %d done (%.1f s)%n", task, done, total,
                    (System.nanoTime() - started) / 1e9);
        }
    }
}
