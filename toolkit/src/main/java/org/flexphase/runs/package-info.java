/** Single runs: train and evaluate one model, writing its history, summary and chart into a folder as it goes. */
package org.flexphase.runs;
