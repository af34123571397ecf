/** The command line ({@code java -jar flexphase.jar train|reproduce|bench|ff ...}), built with picocli. Depends on every other package; nothing depends on it. */
package org.flexphase.cli;
