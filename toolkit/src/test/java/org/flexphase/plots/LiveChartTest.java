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
                ChartOptions.titled("run").size(400, 300), nanos::get);
        Table h = Table.create("h", LongColumn.create("step"), DoubleColumn.create("loss"));
        h.longColumn("step").append(0);
        h.doubleColumn("loss").append(5);
        live.accept(h);
        assertEquals("step 0 of 1,000", live.status());
        nanos.addAndGet(2_000_000_000L);            // 2 s later, 200 steps done: 100 steps/s, 800 left = 8 s
        h.longColumn("step").append(200);
        h.doubleColumn("loss").append(4);
        live.accept(h);
        assertEquals("step 200 of 1,000, 100 steps/s, 0:08 left", live.status());
        assertEquals(List.of("show 400", "update id-1"), calls);
        assertTrue(live.chart().getTitle().endsWith(live.status()), live.chart().getTitle());
        assertEquals(2, live.chart().getSeriesMap().get("loss").getXData().length);
    }
}
