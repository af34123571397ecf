package org.flexphase.circuits;

/**
 * Where a network's inputs and outputs sit (docs/theory.md section 5.2): on nodes (an input holds a node's potential,
 * an output is a node's potential) or on edges (an input is a potential drop imposed across an edge's two nodes, a
 * source edge; an output is the drop across an edge, a target edge), as in the coupled-learning anchors and in lab
 * networks.
 */
public enum Terminals {
    /** Inputs and outputs are node potentials (relative to the ground). */
    NODE,
    /** Inputs and outputs are potential drops across edges. */
    EDGE;

    /** Nodes one terminal occupies. */
    public int nodesPerTerminal() {
        return this == EDGE ? 2 : 1;
    }
}
