/** XChart figures of experiment tables, saved as PNG or shown inline in notebooks. */
package org.flexphase.plots;
