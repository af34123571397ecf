/**
 * XChart figures, saved as PNG or shown inline in notebooks: line charts from Tablesaw tables by column name
 * ({@link org.flexphase.plots.TableCharts}, styled by {@link org.flexphase.plots.ChartOptions}, seeds as shaded
 * bands), charts redrawn live during training ({@link org.flexphase.plots.LiveChart}) and grids of small images
 * ({@link org.flexphase.plots.Images}).
 */
package org.flexphase.plots;
