package org.flexphase.tables;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The null-argument check of a public API, driven by reflection and a table: every public constructor and method
 * of the given classes that takes an object argument is called once per such argument, with that argument null
 * and a sample value for every other, and must refuse it with a message {@code "<name> must not be null"} (a
 * {@link NullPointerException} from {@code Objects.requireNonNull} or an {@link IllegalArgumentException}). The
 * table gives each signature's parameter names in order ({@code "?name"}: null is allowed there and must not throw
 * a {@code NullPointerException}; {@code "~name"}: null is allowed and not tried, because the call would then do
 * real work, such as train a model). A public method missing from the table is a failure, so a new one cannot slip
 * past without its check. Because every null check comes before any use, the sample values only need to be
 * non-null; they are real instances all the same.
 */
public final class NullArgumentTable {
    private final Map<Class<?>, Object> samples = new HashMap<>();
    private final Map<Class<?>, Object> receivers = new HashMap<>();
    private final Map<String, String[]> names = new TreeMap<>();

    public NullArgumentTable() {
        samples.put(int.class, 1);
        samples.put(long.class, 1L);
        samples.put(double.class, 1.0);
        samples.put(boolean.class, false);
    }

    /** The value passed for every parameter of this type that is not the one set to null. */
    public <T> NullArgumentTable sample(Class<T> type, T value) {
        samples.put(type, value);
        return this;
    }

    /** The instance that instance methods of {@code type} are called on. */
    public <T> NullArgumentTable receiver(Class<T> type, T instance) {
        receivers.put(type, instance);
        return this;
    }

    /** The parameter names of one signature, as {@link #signature} writes it. */
    public NullArgumentTable expect(String signature, String... parameterNames) {
        names.put(signature, parameterNames);
        return this;
    }

    /** The public top-level and nested classes of a package (main code only). */
    public static List<Class<?>> publicClassesOf(String packageName) {
        List<Class<?>> out = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(packageName)) {
            if (!c.getPackageName().equals(packageName) || c.getSimpleName().equals("package-info")) {
                continue;
            }
            Class<?> type = c.reflect();
            boolean visible = true;
            for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
                visible &= Modifier.isPublic(t.getModifiers());
            }
            if (visible && !type.isAnonymousClass()) {
                out.add(type);
            }
        }
        return out;
    }

    /**
     * {@code [new ]Outer.Inner.name(Type,Type)}: the class as nested in its package, the method name (none for a
     * constructor) and the parameters' simple type names.
     */
    public static String signature(Class<?> owner, Executable e) {
        String cls = owner.getName().substring(owner.getPackageName().length() + 1).replace('$', '.');
        String params = Arrays.stream(e.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(","));
        return (e instanceof Constructor<?> ? "new " + cls : cls + "." + e.getName()) + "(" + params + ")";
    }

    /** The public constructors and methods of the classes that take at least one object argument. */
    public static Map<String, Map.Entry<Class<?>, Executable>> surface(Collection<Class<?>> classes) {
        Map<String, Map.Entry<Class<?>, Executable>> out = new TreeMap<>();
        for (Class<?> c : classes) {
            List<Executable> all = new ArrayList<>(Arrays.asList(c.getConstructors()));
            for (Method m : c.getMethods()) {
                boolean ours = m.getDeclaringClass().getName().startsWith("org.flexphase.");
                boolean objectContract = m.getName().equals("equals") && m.getParameterCount() == 1;
                if (ours && !objectContract && (!m.isBridge() || visibilityBridge(c, m))
                        && !Modifier.isAbstract(m.getModifiers())) {
                    all.add(m);
                }
            }
            for (Executable e : all) {
                if (Arrays.stream(e.getParameterTypes()).anyMatch(t -> !t.isPrimitive())) {
                    out.put(signature(c, e), Map.entry(c, e));
                }
            }
        }
        return out;
    }

    /**
     * Whether a bridge method is the public face javac gives a public method of a package-private superclass (such
     * a method is part of the API; a generic bridge, such as {@code accept(Object)} for {@code accept(Table)}, is
     * not).
     */
    private static boolean visibilityBridge(Class<?> c, Method bridge) {
        for (Class<?> s = c.getSuperclass(); s != null; s = s.getSuperclass()) {
            try {
                Method m = s.getDeclaredMethod(bridge.getName(), bridge.getParameterTypes());
                return !Modifier.isPublic(s.getModifiers()) && !m.isBridge();
            } catch (NoSuchMethodException e) {
                // look further up
            }
        }
        return false;
    }

    /** Every way the classes fail the table: one line per missing entry, stale entry or badly handled null. */
    public List<String> failures(Collection<Class<?>> classes) {
        Map<String, Map.Entry<Class<?>, Executable>> surface = surface(classes);
        List<String> failures = new ArrayList<>();
        Set<String> stale = new LinkedHashSet<>(names.keySet());
        stale.removeAll(surface.keySet());
        stale.forEach(s -> failures.add(s + ": in the table but not a public method"));
        surface.forEach((sig, owned) -> {
            String[] params = names.get(sig);
            Executable e = owned.getValue();
            if (params == null) {
                failures.add(sig + ": public method missing from the table (add its parameter names)");
            } else if (params.length != e.getParameterCount()) {
                failures.add(sig + ": the table names " + params.length + " parameters");
            } else {
                for (int i = 0; i < params.length; i++) {
                    if (!e.getParameterTypes()[i].isPrimitive() && !params[i].startsWith("~")) {
                        String problem = withNull(owned.getKey(), e, i, params);
                        if (problem != null) {
                            failures.add(sig + ": " + problem);
                        }
                    }
                }
            }
        });
        return failures;
    }

    private String withNull(Class<?> owner, Executable e, int position, String[] params) {
        String name = params[position];
        boolean nullable = name.startsWith("?");
        Object[] args = new Object[e.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
            Class<?> type = e.getParameterTypes()[i];
            // A parameter that may be null gets null unless the test gives a sample of its type.
            boolean mayBeNull = params[i].startsWith("?") || params[i].startsWith("~");
            if (i != position && !(mayBeNull && !samples.containsKey(type))) {
                if (!samples.containsKey(type)) {
                    return "no sample value of type " + type.getName() + " in the test";
                }
                args[i] = samples.get(type);
            }
        }
        Throwable thrown;
        try {
            if (e instanceof Constructor<?> c) {
                c.newInstance(args);
            } else {
                Method m = (Method) e;
                Object receiver = null;
                if (!Modifier.isStatic(m.getModifiers())) {
                    receiver = receivers.get(owner);
                    if (receiver == null) {
                        return "no receiver of type " + owner.getName() + " in the test";
                    }
                }
                m.setAccessible(true);
                m.invoke(receiver, args);
            }
            thrown = null;
        } catch (InvocationTargetException ex) {
            thrown = ex.getCause();
        } catch (ReflectiveOperationException ex) {
            return "cannot call: " + ex;
        }
        if (nullable) {
            return thrown instanceof NullPointerException ? "null " + name.substring(1)
                    + " is allowed, but it threw " + thrown : null;
        }
        if (thrown == null) {
            return "accepted a null " + name;
        }
        String expected = name + " must not be null";
        boolean refused = (thrown instanceof NullPointerException || thrown instanceof IllegalArgumentException)
                && thrown.getMessage() != null && thrown.getMessage().contains(expected);
        return refused ? null : "a null " + name + " gave " + thrown + " at " + Arrays.stream(thrown.getStackTrace())
                .limit(1).map(StackTraceElement::toString).collect(Collectors.joining()) + ", not '" + expected + "'";
    }
}
