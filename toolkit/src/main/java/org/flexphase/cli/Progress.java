package org.flexphase.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on an interactive terminal and nothing otherwise (CI, pipes, notebooks), so logs stay quiet.
 * Thread-safe: parallel runs may call {@link #step} concurrently.
 */
public final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar of {@code total} units titled {@code task}, shown only when stdout is a terminal and CI is unset. */
    public static Progress of(String task, long total) {
        boolean interactive = System.console() != null && System.getenv("CI") == null;
        if (!interactive) {
            return new Progress(null);
        }
        return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate().build());
    }

    /** Advances the bar by {@code units}. */
    public synchronized void step(long units) {
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
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
