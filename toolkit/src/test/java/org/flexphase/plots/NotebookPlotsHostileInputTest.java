package org.flexphase.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.flexphase.circuits.Graphs;
import org.flexphase.circuits.ResistorNetwork;
import org.flexphase.experiments.Figures;
import org.flexphase.tables.NullArgumentTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The notebook API of {@code plots} (and the {@code Figures} notebooks redraw the CLI's charts with) against a
 * hostile or unlucky notebook: a null for any object argument of any public method, named by the message; a
 * column of text (or booleans) where a chart needs numbers, refused with the column and its type instead of being
 * drawn as Tablesaw's category codes; nulls inside lists and arrays; curves whose arrays do not match.
 */
class NotebookPlotsHostileInputTest {

    @Test
    void everyPublicMethodNamesTheArgumentThatIsNull(@TempDir Path dir) {
        LiveChart.Display display = LiveChart.Display.of(image -> "id", (id, image) -> { });
        ResistorNetwork net = ResistorNetwork.withRandomRoles(Graphs.randomGeometric(14, 4.0, 1), 3, 2, 1.0, 1e-3, 1e3, 2);
        NullArgumentTable table = new NullArgumentTable()
                .sample(String.class, "s").sample(Path.class, dir.resolve("chart.png")).sample(List.class, List.of())
                .sample(Table.class, Table.create("t")).sample(double[].class, new double[]{1})
                .sample(double[][].class, new double[][]{{1}}).sample(ChartOptions.class, ChartOptions.titled("t"))
                .sample(ChartOptions.Band.class, ChartOptions.Band.NONE)
                .sample(XYChart.class, new XYChartBuilder().build()).sample(Predicate.class, image -> false)
                .sample(Function.class, image -> "id").sample(BiConsumer.class, (id, image) -> { })
                .sample(LiveChart.Display.class, display).sample(ResistorNetwork.class, net)
                .receiver(ChartOptions.class, ChartOptions.titled("t"))
                .receiver(LiveChart.class, LiveChart.of(display, 10, "step", List.of("y"), ChartOptions.titled("t")))
                .expect("ChartOptions.axes(String,String)", "xLabel", "yLabel")
                .expect("ChartOptions.band(Band)", "band")
                .expect("ChartOptions.groupBy(String)", "column")
                .expect("ChartOptions.label(String,String)", "columnOrGroup", "legend")
                .expect("ChartOptions.reference(String,double)", "name", "y")
                .expect("ChartOptions.title(String)", "title")
                .expect("ChartOptions.titled(String)", "title")
                .expect("new ChartOptions.Band(String,double,double)", "name", "lowPercentile", "highPercentile")
                .expect("new ChartOptions.Reference(String,double)", "name", "y")
                .expect("Charts.image(XYChart)", "chart")
                .expect("Charts.lineChart(List,ChartOptions)", "curves", "options")
                .expect("Charts.savePng(XYChart,Path)", "chart", "file")
                .expect("new Charts.Curve(String,double[],double[],double[],double[])", "name", "x", "y", "?low", "?high")
                .expect("Charts.Curve.of(String,double[],double[])", "name", "x", "y")
                .expect("Images.grid(double[][],int,int,int)", "images", "width", "columns", "scale")
                .expect("Images.grid(double[][],int,int,int,Predicate)", "images", "width", "columns", "scale", "flagged")
                .expect("LiveChart.accept(Table)", "history")
                .expect("LiveChart.of(Display,long,String,List,ChartOptions)", "display", "totalSteps", "x", "ys", "options")
                .expect("LiveChart.Display.of(Function,BiConsumer)", "show", "update")
                .expect("NetworkFigure.image(ResistorNetwork,String,int)", "net", "title", "size")
                .expect("NetworkFigure.savePng(ResistorNetwork,String,int,Path)", "net", "title", "size", "file")
                .expect("TableCharts.bands(Table,String,String,String,String,ChartOptions)",
                        "table", "x", "mean", "low", "high", "options")
                .expect("TableCharts.line(Table,String,List,ChartOptions)", "table", "x", "ys", "options")
                .expect("TableCharts.line(Table,String,String,ChartOptions)", "table", "x", "y", "options")
                .expect("TableCharts.numeric(Table,String,String)", "table", "column", "role")
                // The chart helpers notebooks call to redraw the command line's figures from their CSV files.
                .expect("Figures.basFinalNll(Table,String)", "table", "x")
                .expect("Figures.basNllVsSteps(Table)", "table")
                .expect("Figures.boltzmannHistory(Table,String)", "history", "title")
                .expect("Figures.errorHistory(Table,String,String,List)", "history", "title", "xLabel", "columns")
                .expect("Figures.errorVsSteps(Table,String,String)", "table", "title", "xLabel")
                .expect("Figures.ffErrorVsB(Table,int)", "table", "epochs")
                .expect("Figures.ffProtocolsVsSteps(Table,String)", "table", "title");
        List<Class<?>> classes = new ArrayList<>(NullArgumentTable.publicClassesOf("org.flexphase.plots"));
        classes.add(Figures.class);
        List<String> failures = table.failures(classes);
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }

    /** A history with numbers, text and booleans: step, cost, mode (text), diverged (boolean). */
    static Table mixed() {
        return Table.create("h", LongColumn.create("step", new long[]{0, 10, 20}),
                DoubleColumn.create("cost", new double[]{3, 2, 1}), StringColumn.create("mode", "local", "standard", "local"),
                BooleanColumn.create("diverged", new boolean[]{false, false, true}));
    }

    /** One chart call that must be refused, and what the message must contain. */
    record ChartCase(String name, Runnable call, String... expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<ChartCase> columnsThatAreNotNumbers() {
        ChartOptions o = ChartOptions.titled("t");
        LiveChart live = LiveChart.of(LiveChart.Display.of(image -> "id", (id, image) -> { }), 100, "mode",
                List.of("cost"), o);
        Table finals = Table.create("finals", StringColumn.create("b", "0.3", "0.5"),
                DoubleColumn.create("mean", new double[]{3, 4}), DoubleColumn.create("min", new double[]{3, 4}),
                DoubleColumn.create("max", new double[]{3, 4}), DoubleColumn.create("mean_avg", new double[]{3, 4}),
                DoubleColumn.create("min_avg", new double[]{3, 4}), DoubleColumn.create("max_avg", new double[]{3, 4}));
        return Stream.of(
                new ChartCase("text as y", () -> TableCharts.line(mixed(), "step", "mode", o),
                        "table 'h': the y column 'mode' holds STRING values"),
                new ChartCase("text as one of several ys", () -> TableCharts.line(mixed(), "step", List.of("cost", "mode"), o),
                        "y column 'mode' holds STRING"),
                new ChartCase("text as x", () -> TableCharts.line(mixed(), "mode", "cost", o),
                        "the x column 'mode' holds STRING values"),
                new ChartCase("boolean as y", () -> TableCharts.line(mixed(), "step", "diverged", o),
                        "the y column 'diverged' holds BOOLEAN values"),
                new ChartCase("text as y, grouped by that text", () -> TableCharts.line(mixed(), "step", "mode",
                        o.groupBy("mode")), "y column 'mode' holds STRING"),
                new ChartCase("text as y of an empty table", () -> TableCharts.line(mixed().emptyCopy(), "step", "mode",
                        o.groupBy("mode")), "y column 'mode' holds STRING"),
                new ChartCase("text as a band's mean", () -> TableCharts.bands(mixed(), "step", "mode", "cost", "cost", o),
                        "the mean column 'mode' holds STRING"),
                new ChartCase("text as a band's x", () -> TableCharts.bands(mixed(), "mode", "cost", "cost", "cost", o),
                        "the x column 'mode' holds STRING"),
                new ChartCase("text as a band edge", () -> TableCharts.bands(mixed(), "step", "cost", "mode", "cost", o),
                        "the low column 'mode' holds STRING"),
                new ChartCase("text as a live chart's step", () -> live.accept(mixed()), "the x column 'mode' holds STRING"),
                new ChartCase("text as a figure's x", () -> Figures.basFinalNll(finals, "b"),
                        "table 'finals': the x column 'b' holds STRING"),
                new ChartCase("a missing column", () -> TableCharts.line(mixed(), "step", "nll", o),
                        "table 'h' has no column 'nll'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("columnsThatAreNotNumbers")
    void aColumnThatIsNotNumbersIsRefusedWithItsNameAndType(ChartCase c) {
        var e = assertThrows(IllegalArgumentException.class, c.call()::run);
        for (String part : c.expected()) {
            assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
        }
    }

    static Stream<ChartCase> malformedArguments() {
        ChartOptions o = ChartOptions.titled("t");
        double[] two = {1, 2};
        return Stream.of(
                new ChartCase("null among the ys", () -> TableCharts.line(mixed(), "step", Arrays.asList("cost", null), o),
                        "ys[1] must not be null"),
                new ChartCase("null among a live chart's ys", () -> LiveChart.of(LiveChart.Display.of(i -> "id", (id, i) -> { }),
                        10, "step", Arrays.asList(null, "cost"), o), "ys[0] must not be null"),
                new ChartCase("null among the curves", () -> Charts.lineChart(Arrays.asList(Charts.Curve.of("a", two, two), null), o),
                        "curves[1] must not be null"),
                new ChartCase("null among the images", () -> Images.grid(new double[][]{{1}, null}, 1, 2, 4),
                        "images[1] must not be null"),
                new ChartCase("null among a figure's columns", () -> Figures.errorHistory(mixed(), "t", "step",
                        Arrays.asList("cost", null)), "columns[1] must not be null"),
                new ChartCase("y shorter than x", () -> Charts.Curve.of("a", two, new double[]{1}),
                        "curve 'a': y has 1 values, x has 2"),
                new ChartCase("a band with one edge", () -> new Charts.Curve("a", two, two, two, null),
                        "curve 'a': low and high must be both null (no band) or both given; high is null"),
                new ChartCase("a band edge of another length", () -> new Charts.Curve("a", two, two, two, new double[3]),
                        "curve 'a': high has 3 values, x has 2"),
                new ChartCase("a network figure of 0 pixels", () -> NetworkFigure.image(ResistorNetwork.withRandomRoles(
                        Graphs.randomGeometric(14, 4.0, 1), 3, 2, 1.0, 1e-3, 1e3, 2), "t", 0),
                        "size must be at least 100 pixels: 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedArguments")
    void malformedArgumentsAreNamed(ChartCase c) {
        var e = assertThrows(RuntimeException.class, c.call()::run);
        assertTrue(e instanceof IllegalArgumentException || e instanceof NullPointerException, e.toString());
        for (String part : c.expected()) {
            assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
        }
    }

    @Test
    void aChartThatCannotBeRenderedLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        XYChart empty = new XYChartBuilder().width(0).height(0).build();
        assertThrows(IllegalArgumentException.class, () -> Charts.savePng(empty, dir.resolve("c.png")));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void numbersStillDrawAsBefore() {
        XYChart c = TableCharts.line(mixed(), "step", "cost", ChartOptions.titled("t").groupBy("mode"));
        assertEquals(List.of("local", "standard"), new ArrayList<>(c.getSeriesMap().keySet()).subList(0, 2));
        assertEquals(2, c.getSeriesMap().get("local").getXData().length);
        assertEquals(3.0, TableCharts.numeric(mixed(), "cost", "y").getDouble(0));
    }
}
