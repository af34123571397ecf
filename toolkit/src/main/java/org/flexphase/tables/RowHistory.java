package org.flexphase.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import tech.tablesaw.api.Table;

/**
 * What every family's history shares: the live table of checkpoint rows ({@code history.csv}'s columns) and the
 * actions run after each new row. A family's history appends its row, then calls {@link #rowAdded()}.
 *
 * @param <H> the history's own type, so {@link #then} chains on it
 */
abstract class RowHistory<H extends RowHistory<H>> {
    final Table table;
    private final List<Consumer<Table>> afterRow = new ArrayList<>();

    RowHistory(Table table) {
        this.table = table;
    }

    /** Calls {@code action} with the whole table after every new row (write it to disk, redraw a live chart). */
    @SuppressWarnings("unchecked")
    public H then(Consumer<Table> action) {
        afterRow.add(Objects.requireNonNull(action, "action must not be null"));
        return (H) this;
    }

    /** The rows recorded so far (the live table; copy it to keep a snapshot). */
    public Table table() {
        return table;
    }

    /** Runs the {@link #then} actions on the table, after a row was appended. */
    void rowAdded() {
        afterRow.forEach(a -> a.accept(table));
    }
}
