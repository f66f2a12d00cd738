package mlfoundations.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

import mlfoundations.optim.Minimizer;
import mlfoundations.optim.Momentum;
import mlfoundations.optim.Sgd;
import mlfoundations.optim.Trajectory;

import org.junit.jupiter.api.Test;

class DescentPathsTest {

    private static final ToDoubleFunction<double[]> BOWL = p -> p[0] * p[0] + p[1] * p[1];
    private static final UnaryOperator<double[]> BOWL_GRAD = p -> new double[] {2 * p[0], 2 * p[1]};

    private static Map<String, Trajectory> runs(int count) {
        Map<String, Trajectory> runs = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            runs.put("run " + i, new Minimizer(i % 2 == 0 ? new Sgd(0.1) : new Momentum(0.05, 0.9)).threshold(1e-14)
                    .maxSteps(30).minimize(BOWL, BOWL_GRAD, new double[] {-1.5, 1.0 + 0.1 * i}));
        }
        return runs;
    }

    @Test
    void thinKeepsTheEndsAndOnlyPointsAtLeastTheGapApart() {
        // Points 0.3 apart on a line; with a gap of 1 the kept ones are x = 0, 1.2, 2.4 (each first to reach >= 1
        // from the previous kept one: 0 -> 1.2 -> 2.4), then the last point 2.7 is added as the end.
        double[][] line = new double[10][];
        for (int k = 0; k < 10; k++) {
            line[k] = new double[] {0.3 * k, 0};
        }
        double[][] kept = DescentPaths.thin(line, 1.0);
        double[] xs = new double[kept.length];
        for (int k = 0; k < kept.length; k++) {
            xs[k] = kept[k][0];
        }
        assertArrayEquals(new double[] {0, 1.2, 2.4, 2.7}, xs, 1e-12);
        // A gap of 0 keeps every point exactly once.
        assertEquals(10, DescentPaths.thin(line, 0).length);
        // A single point stays a single point.
        assertEquals(1, DescentPaths.thin(new double[][] {{1, 2}}, 5).length);
    }

    @Test
    void mapsAreLaidOutTwoPerRowAndThePathIsDrawn() {
        Map<String, Trajectory> three = runs(3);
        BufferedImage grid = DescentPaths.maps(three, name -> Surface.of(name, "x", "y", BOWL, -2, 2, -2, 2), 0);
        assertEquals(2 * DescentPaths.MAP_WIDTH, grid.getWidth());
        assertEquals(2 * DescentPaths.MAP_HEIGHT, grid.getHeight());

        // The same map with and without the path: the path must change pixels near its start (-1.5, 1).
        Surface bare = Surface.of("run 0", "x", "y", BOWL, -2, 2, -2, 2).size(DescentPaths.MAP_WIDTH,
                DescentPaths.MAP_HEIGHT);
        BufferedImage without = bare.image();
        BufferedImage single = DescentPaths.maps(runs(1),
                name -> Surface.of(name, "x", "y", BOWL, -2, 2, -2, 2), 0);
        Canvas.View v = bare.view();
        int cx = (int) Math.round(v.px(-1.5));
        int cy = (int) Math.round(v.py(1.0));
        int changed = 0;
        for (int dx = -4; dx <= 4; dx++) {
            for (int dy = -4; dy <= 4; dy++) {
                if (single.getRGB(cx + dx, cy + dy) != without.getRGB(cx + dx, cy + dy)) {
                    changed++;
                }
            }
        }
        assertTrue(changed > 10, "the path's start should be drawn around (-1.5, 1); changed pixels: " + changed);
    }

    @Test
    void lossCurvesHaveTheUsualChartSize() {
        BufferedImage img = DescentPaths.lossCurves("Loss", runs(2), 5);
        assertEquals(Style.WIDTH, img.getWidth());
        assertEquals(Style.HEIGHT, img.getHeight());
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        Map<String, Trajectory> none = new LinkedHashMap<>();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DescentPaths.lossCurves("Loss", none, 1));
        assertTrue(e.getMessage().contains("no runs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DescentPaths.lossCurves("Loss", runs(1), 0));
        assertTrue(e.getMessage().contains("every"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DescentPaths.thin(new double[][] {{0, 0}}, -1));
        assertTrue(e.getMessage().contains("minGap"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DescentPaths.thin(new double[][] {{0, 0, 0}}, 1));
        assertTrue(e.getMessage().contains("2 coordinates"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DescentPaths.maps(runs(1), name -> null, 0));
        assertTrue(e.getMessage().contains("run 0"), e.getMessage());
        Map<String, Trajectory> line = new LinkedHashMap<>();
        line.put("1-D", new Minimizer(new Sgd(0.1)).maxSteps(5).minimize(x -> x * x, x -> 2 * x, 1.0));
        e = assertThrows(IllegalArgumentException.class,
                () -> DescentPaths.maps(line, name -> Surface.of(name, "x", "y", BOWL, -2, 2, -2, 2), 0));
        assertTrue(e.getMessage().contains("1 dimensions"), e.getMessage());
    }
}
