package org.flexphase.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

class LiveChartTest {

    @Test
    void showsOnceThenUpdatesTheSameDisplayWithRateAndTimeLeft() {
        List<String> calls = new ArrayList<>();
        LiveChart.Display display = LiveChart.Display.of(image -> {
            calls.add("show " + ((BufferedImage) image).getWidth());
            return "id-1";
        }, (id, image) -> calls.add("update " + id));
        AtomicLong nanos = new AtomicLong(7_000_000_000L);
        LiveChart live = new LiveChart(display, 1_000, "step", List.of("loss"),
                ChartOptions.titled("run").axes("step", "loss").size(400, 300), nanos::get);
        Table h = Table.create("h", LongColumn.create("step"), DoubleColumn.create("loss"));
        h.longColumn("step").append(100);
        h.doubleColumn("loss").append(5);
        live.accept(h);
        assertEquals("step 100 of 1,000", live.status());
        nanos.addAndGet(2_000_000_000L);            // 2 s later, 200 more steps: 100 steps/s, 700 left = 7 s
        h.longColumn("step").append(300);
        h.doubleColumn("loss").append(4);
        live.accept(h);
        assertEquals("step 300 of 1,000, 100 steps/s, 0:07 left", live.status());
        assertEquals(List.of("show 400", "update id-1"), calls);
        assertEquals("run", live.chart().getTitle());
        assertTrue(live.chart().getXAxisTitle().endsWith("[" + live.status() + "]"), live.chart().getXAxisTitle());
        assertEquals(2, live.chart().getSeriesMap().get("loss").getXData().length);
    }
}
