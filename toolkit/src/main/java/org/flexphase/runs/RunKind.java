package org.flexphase.runs;

/**
 * One kind of run: the name a spec and {@code spec.json} give it ({@code "kind": "ep"}), its settings record and
 * that record's defaults (what a spec's settings are laid over). {@link RunKinds#ALL} lists every kind; the command
 * line, sweep specs, run keys, the sweep runners and {@code reproduce} all read it, so a new kind is one entry there.
 */
public record RunKind<S extends RunSettings>(String name, Class<S> type, S defaults) {
    public RunKind {
        if (!type.isInstance(defaults)) {
            throw new IllegalArgumentException("defaults of kind " + name + " are a " + defaults.getClass());
        }
    }
}
