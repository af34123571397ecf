package org.flexphase.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.flexphase.exact.Stationary;
import org.flexphase.phases.LengthLaw;
import org.flexphase.phases.LengthLaws;
import org.flexphase.phases.Phase;
import org.flexphase.phases.PhaseProcess;
import org.flexphase.proofs.PhaseRegistry.Law;
import org.flexphase.proofs.PhaseRegistry.Process;
import org.flexphase.util.Rngs;
import org.junit.jupiter.api.Test;

/**
 * Every closed form of the phase package against enumeration, for every shipped law and process type (the registry
 * {@link PhaseRegistry}): each length law's mean and variance against sums over its support, its samples against its
 * pmf; each process's occupancy, weights and mean phase length against the exact stationary law of its (phase, age)
 * chain (T3). A shipped type missing from the registry fails {@link #everyShippedLawAndProcessIsRegistered}.
 */
class PhaseRegistryProperties {

    /** Sum of f(k) pmf(k) over the support (geometric: until the remaining terms are below 1e-18 of the total). */
    static double[] moments(Law l) {
        LengthLaw law = l.law();
        double mass = 0;
        double mean = 0;
        for (int k = 1; k <= l.supportMax(); k++) {
            double q = law.pmf(k);
            mass += q;
            mean += k * q;
            if (l.supportMax() == Integer.MAX_VALUE && k > 2 * law.mean() && q * k * (double) k < 1e-20) {
                break;
            }
        }
        double var = 0;
        for (int k = 1; k <= l.supportMax(); k++) {
            double q = law.pmf(k);
            var += (k - mean) * (k - mean) * q;
            if (l.supportMax() == Integer.MAX_VALUE && k > 2 * law.mean() && q * k * (double) k < 1e-20) {
                break;
            }
        }
        return new double[]{mass, mean, var};
    }

    @Test
    void lengthLawMeansAndVariancesEqualSumsOverTheirSupport() {
        // Exact sums (up to 10^6 terms; the geometric tail is cut where it is below 1e-20): relative 1e-9 covers the
        // rounding of a million-term sum. The pmf vanishes off the support.
        Proofs.qt(200).forAll(PhaseRegistry.LONG_LAW).checkAssert(l -> {
            double[] m = moments(l);
            LengthLaw law = l.law();
            assertEquals(1.0, m[0], 1e-9, "total mass");
            assertEquals(m[1], law.mean(), 1e-9 * m[1], "mean");
            assertEquals(m[2], law.variance(), 1e-9 * m[2] + 1e-12, "variance");
            assertEquals(0.0, law.pmf(0), "pmf(0)");
            assertEquals(0.0, law.pmf(-1), "pmf(-1)");
            if (l.supportMax() < Integer.MAX_VALUE) {
                assertEquals(0.0, law.pmf(l.supportMax() + 1), "pmf beyond the support");
            }
        });
    }

    @Test
    void lengthLawSamplesFollowTheirPmf() {
        // 5,000 draws of sample() against pmf(k) for k <= 40 and the tail: Pearson chi-squared with cells of expected
        // count < 10 pooled, p >= 1e-6 / 100 examples.
        int n = 5_000;
        Proofs.qt(100).forAll(PhaseRegistry.anyLaw(12), integers().between(1, 1_000_000)).checkAssert((l, seed) -> {
            int cells = 41;
            long[] counts = new long[cells + 1];
            double[] probs = new double[cells + 1];
            double tail = 1;
            for (int k = 1; k <= cells; k++) {
                probs[k - 1] = l.law().pmf(k);
                tail -= probs[k - 1];
            }
            probs[cells] = Math.max(0, tail);
            RandomGenerator rng = Rngs.create(seed);
            for (int i = 0; i < n; i++) {
                int k = l.law().sample(rng);
                counts[Math.min(k, cells + 1) - 1]++;
            }
            Tolerances.Fit fit = Tolerances.chiSquared(counts, probs, 10);
            assertTrue(fit.impossible() == null, String.valueOf(fit.impossible()));
            assertTrue(fit.pValue() >= Tolerances.RUN_BUDGET / 100, "chi-squared " + fit.statistic() + " on "
                    + fit.degreesOfFreedom() + " df, p = " + fit.pValue());
        });
    }

    @Test
    void everyProcessReportsTheOccupancyAndWeightsOfItsExactPhaseChain() {
        // T3 for every shipped process: rho+ = the stationary mass of the chain's + states (EJML solve), weights
        // +1/rho+ and -1/rho-, and the mean phase length = 1 / (long-run rate of phase starts). Exact: 1e-12 relative.
        Proofs.qt(400).forAll(PhaseRegistry.anyProcess(6)).checkAssert(p -> {
            double[] pi = Stationary.distribution(PhaseRegistry.chain(p));
            double rho = 0;
            for (int s = 0; s < PhaseRegistry.positiveStates(p); s++) {
                rho += pi[s];
            }
            PhaseProcess process = p.process();
            assertEquals(rho, process.positiveOccupancy(), 1e-12, "rho+");
            assertEquals(1 - rho, process.negativeOccupancy(), 1e-12, "rho-");
            assertEquals(1 / rho, process.weight(Phase.POSITIVE), 1e-12 / rho, "w+");
            assertEquals(-1 / (1 - rho), process.weight(Phase.NEGATIVE), 1e-12 / (1 - rho), "w-");
            double length = 1 / PhaseRegistry.starts(p, pi);
            assertEquals(length, process.meanPhaseLength(), 1e-12 * length, "mean phase length");
        });
    }

    @Test
    void everyShippedLawAndProcessIsRegistered() throws IOException, URISyntaxException, ClassNotFoundException {
        Set<String> lawFactories = new TreeSet<>();
        for (Method m : LengthLaws.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())
                    && m.getReturnType() == LengthLaw.class && !m.getName().equals("parse")) {
                lawFactories.add(m.getName());
            }
        }
        Set<String> registeredLaws = new TreeSet<>();
        for (PhaseRegistry.LawKind k : PhaseRegistry.LawKind.values()) {
            registeredLaws.add(k.factory);
        }
        assertEquals(lawFactories, registeredLaws, "LengthLaws factories vs PhaseRegistry.LawKind");

        Set<String> processFactories = new TreeSet<>();
        for (Class<?> c : classesOf(PhaseProcess.class.getPackageName())) {
            if (PhaseProcess.class.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
                int found = 0;
                for (Method m : c.getDeclaredMethods()) {
                    if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())
                            && PhaseProcess.class.isAssignableFrom(m.getReturnType())) {
                        processFactories.add(c.getSimpleName() + "." + m.getName());
                        found++;
                    }
                }
                if (found == 0) {
                    processFactories.add(c.getSimpleName() + " (no factory)");
                }
            }
        }
        Set<String> registeredProcesses = new TreeSet<>();
        for (PhaseRegistry.ProcessKind k : PhaseRegistry.ProcessKind.values()) {
            registeredProcesses.add(k.type.getSimpleName() + "." + k.factory);
        }
        assertEquals(processFactories, registeredProcesses, "PhaseProcess classes and factories vs the registry");
    }

    /** The top-level and nested classes of a package, from a classes directory or a jar. */
    static List<Class<?>> classesOf(String pkg) throws IOException, URISyntaxException, ClassNotFoundException {
        String dir = pkg.replace('.', '/');
        List<String> names = new ArrayList<>();
        Enumeration<URL> urls = PhaseProcess.class.getClassLoader().getResources(dir);
        while (urls.hasMoreElements()) {
            URL url = urls.nextElement();
            if (url.getProtocol().equals("jar")) {
                JarURLConnection jar = (JarURLConnection) url.openConnection();
                jar.getJarFile().stream().map(JarEntry::getName)
                        .filter(n -> n.startsWith(dir + "/") && n.indexOf('/', dir.length() + 1) < 0)
                        .forEach(names::add);
            } else {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    files.map(f -> dir + "/" + f.getFileName()).forEach(names::add);
                }
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String n : names) {
            if (n.endsWith(".class") && !n.endsWith("package-info.class")) {
                classes.add(Class.forName(n.substring(0, n.length() - 6).replace('/', '.')));
            }
        }
        assertTrue(!classes.isEmpty(), "no classes found in " + pkg);
        return classes;
    }
}
