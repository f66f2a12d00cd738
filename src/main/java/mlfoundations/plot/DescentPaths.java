package mlfoundations.plot;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import mlfoundations.optim.Trajectory;

import org.knowm.xchart.style.Styler;

/**
 * Pictures of several optimisers racing on one function of two variables (lesson 01-3): one contour map per run with
 * its path drawn on top, and the value f(x_t) of every run against the step t on one log-scale chart. Each run is a
 * {@link Trajectory} from {@link mlfoundations.optim.Minimizer}, keyed by the name shown on its map and in the legend.
 */
public final class DescentPaths {

    /** Size of each map in the grid: two maps side by side stay about as wide as one ordinary chart pair. */
    static final int MAP_WIDTH = 520;
    static final int MAP_HEIGHT = 340;

    private DescentPaths() {
    }

    /**
     * One map per run, two per row ({@code plt.subplots(2, 2)} with a {@code plt.plot} path on each
     * {@code contourf}): {@code background} makes the map for a run's name, and the run's path is drawn on it after
     * {@link #thin thinning} with {@code minGap} (0 keeps every point). Each path is labelled with its number of
     * steps and its final value.
     */
    public static BufferedImage maps(Map<String, Trajectory> runs, Function<String, Surface> background,
            double minGap) {
        checkRuns(runs);
        if (background == null) {
            throw new IllegalArgumentException("background must be a function from a run's name to its Surface map");
        }
        List<BufferedImage> images = new ArrayList<>();
        for (Map.Entry<String, Trajectory> r : runs.entrySet()) {
            Trajectory t = r.getValue();
            if (t.dimension() != 2) {
                throw new IllegalArgumentException("run '" + r.getKey() + "' moves in " + t.dimension()
                        + " dimensions; a map can show only paths in 2 (x, y)");
            }
            Surface map = background.apply(r.getKey());
            if (map == null) {
                throw new IllegalArgumentException("background returned no Surface for run '" + r.getKey() + "'");
            }
            String label = String.format("%d steps, f = %.1e at the end", t.steps(), t.lastValue());
            images.add(map.size(MAP_WIDTH, MAP_HEIGHT).path(label, thin(t.points(), minGap)).image());
        }
        return Grid.of(2, images.toArray(new BufferedImage[0]));
    }

    /**
     * The value f(x_t) of every run against the step t, on a log axis ({@code plt.semilogy}), one line per run, drawn
     * at every {@code every}-th step: XChart puts its ticks on data points, so a round {@code every} keeps them round.
     */
    public static BufferedImage lossCurves(String title, Map<String, Trajectory> runs, int every) {
        checkRuns(runs);
        if (every <= 0) {
            throw new IllegalArgumentException("every (draw every k-th step) must be >= 1, got " + every);
        }
        XYPlot plot = Charts.xy(title, "step", "f (log scale)");
        for (Map.Entry<String, Trajectory> r : runs.entrySet()) {
            double[] all = r.getValue().values();
            int n = (all.length - 1) / every + 1;
            double[] steps = new double[n];
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                steps[i] = i * every;
                values[i] = all[i * every];
            }
            plot.line(r.getKey(), steps, values);
        }
        plot.logY().chart().getStyler().setYAxisDecimalPattern("0E0");
        plot.chart().getStyler().setXAxisTickMarkSpacingHint(100);
        // The curves fall from the upper left, so the lower left corner is where the legend hides nothing.
        plot.chart().getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
        return plot.image();
    }

    /**
     * The path with every point dropped that lies closer than {@code minGap} (Euclidean distance) to the last point
     * kept; the first and the last point are always kept. A path of 1 500 dots drawn one by one is a solid smear.
     */
    public static double[][] thin(double[][] points, double minGap) {
        if (points == null || points.length == 0) {
            throw new IllegalArgumentException("the path to thin has no points");
        }
        if (!(minGap >= 0) || Double.isInfinite(minGap)) {
            throw new IllegalArgumentException("minGap must be >= 0 and finite, got " + minGap);
        }
        for (int k = 0; k < points.length; k++) {
            if (points[k] == null || points[k].length != 2) {
                throw new IllegalArgumentException("point " + k + " of the path must have 2 coordinates (x, y), got "
                        + (points[k] == null ? "null" : points[k].length));
            }
        }
        List<double[]> kept = new ArrayList<>();
        kept.add(points[0]);
        for (int k = 1; k < points.length; k++) {
            double[] last = kept.get(kept.size() - 1);
            if (Math.hypot(points[k][0] - last[0], points[k][1] - last[1]) >= minGap) {
                kept.add(points[k]);
            }
        }
        if (kept.get(kept.size() - 1) != points[points.length - 1]) {
            kept.add(points[points.length - 1]);
        }
        return kept.toArray(new double[0][]);
    }

    private static void checkRuns(Map<String, Trajectory> runs) {
        if (runs == null || runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to draw: pass a map from each optimiser's name to its Trajectory");
        }
        for (Map.Entry<String, Trajectory> r : runs.entrySet()) {
            if (r.getValue() == null) {
                throw new IllegalArgumentException("run '" + r.getKey() + "' has no Trajectory (null)");
            }
        }
    }
}
