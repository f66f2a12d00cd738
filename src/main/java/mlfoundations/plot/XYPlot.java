package mlfoundations.plot;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line/scatter chart built step by step, the Java counterpart of {@code plt.plot} / {@code plt.scatter}:
 * <pre>
 *   Charts.xy("Loss", "iteration", "MSE").line("training loss", losses).image()
 * </pre>
 * Every method returns the plot, so calls chain; {@link #image()} draws it.
 */
public final class XYPlot {

    private final XYChart chart;
    private boolean anySeries;

    XYPlot(String title, String xLabel, String yLabel, int width, int height) {
        Style.checkSize(width, height);
        chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        Style.apply(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
    }

    /** A line through the points (x[i], y[i]) ({@code plt.plot(x, y)}). */
    public XYPlot line(String name, double[] x, double[] y) {
        XYSeries s = add(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        return this;
    }

    /** A line through (1, y[0]), (2, y[1]), ...: a curve over iterations or question numbers. */
    public XYPlot line(String name, double[] y) {
        return line(name, indexFromOne(y.length), y);
    }

    /** A dashed line, for reference values and theory curves. */
    public XYPlot dashed(String name, double[] x, double[] y) {
        line(name, x, y);
        chart.getSeries(name).setLineStyle(
                new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        return this;
    }

    /**
     * A band between two curves, drawn as two thin dashed lines of one colour with one legend entry
     * (for example mean +/- 2 standard deviations).
     */
    public XYPlot band(String name, double[] x, double[] lower, double[] upper) {
        dashed(name, x, upper);
        dashed(name + " (lower)", x, lower);
        XYSeries up = chart.getSeries(name);
        XYSeries low = chart.getSeries(name + " (lower)");
        java.awt.Color colour = Style.PALETTE[(chart.getSeriesCollection().size() - 2) % Style.PALETTE.length];
        up.setLineColor(colour);
        low.setLineColor(colour);
        low.setShowInLegend(false);
        return this;
    }

    /** A horizontal reference line at height y across [xFrom, xTo] ({@code plt.axhline}). */
    public XYPlot hline(String name, double y, double xFrom, double xTo) {
        return dashed(name, new double[] {xFrom, xTo}, new double[] {y, y});
    }

    /** Points without a line ({@code plt.scatter(x, y)}). */
    public XYPlot scatter(String name, double[] x, double[] y) {
        XYSeries s = add(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        return this;
    }

    /** A line with a marker on every point: a path of steps, such as a gradient-descent trajectory. */
    public XYPlot path(String name, double[] x, double[] y) {
        XYSeries s = add(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.CIRCLE);
        return this;
    }

    /** Logarithmic y axis ({@code plt.yscale("log")}); every y value must then be > 0. */
    public XYPlot logY() {
        chart.getStyler().setYAxisLogarithmic(true);
        return this;
    }

    /** Logarithmic x axis ({@code plt.xscale("log")}); every x value must then be > 0. */
    public XYPlot logX() {
        chart.getStyler().setXAxisLogarithmic(true);
        return this;
    }

    /** Fixes the y axis range ({@code plt.ylim(min, max)}). */
    public XYPlot yRange(double min, double max) {
        chart.getStyler().setYAxisMin(min);
        chart.getStyler().setYAxisMax(max);
        return this;
    }

    /** Fixes the x axis range ({@code plt.xlim(min, max)}). */
    public XYPlot xRange(double min, double max) {
        chart.getStyler().setXAxisMin(min);
        chart.getStyler().setXAxisMax(max);
        return this;
    }

    /** The underlying XChart chart, for any styling this class does not offer. */
    public XYChart chart() {
        return chart;
    }

    /** Draws the chart; end a notebook cell with this to show it inline. */
    public BufferedImage image() {
        if (!anySeries) {
            throw new IllegalStateException("the chart '" + chart.getTitle() + "' has no data; add a line or points first");
        }
        if (chart.getStyler().isYAxisLogarithmic() && needsScientific(true)) {
            chart.getStyler().setYAxisDecimalPattern("0.#E0");
        }
        if (chart.getStyler().isXAxisLogarithmic() && needsScientific(false)) {
            chart.getStyler().setXAxisDecimalPattern("0.#E0");
        }
        roundTicksForEvenlySpacedX();
        long shown = chart.getSeriesCollection().stream().filter(XYSeries::isShowInLegend).count();
        chart.getStyler().setLegendVisible(shown > 1);
        return Style.toImage(chart);
    }

    /** Draws the chart and saves it as a PNG file. */
    public Path save(Path file) {
        return Style.savePng(image(), file);
    }

    /**
     * XChart puts x ticks on the data points themselves when all x values are evenly spaced (iterations 0..999 give
     * labels 0, 44, 88, ...). One invisible point between two data points breaks the even spacing, so XChart picks
     * round ticks (0, 100, 200, ...) instead; no data is changed and nothing extra is drawn.
     */
    private void roundTicksForEvenlySpacedX() {
        if (chart.getStyler().isXAxisLogarithmic() || chart.getSeries(TICK_HELPER) != null) {
            return;
        }
        java.util.TreeSet<Double> xs = new java.util.TreeSet<>();
        double anyY = Double.NaN;
        for (XYSeries s : chart.getSeriesCollection()) {
            for (double v : s.getXData()) {
                xs.add(v);
            }
            anyY = s.getYData()[0];
        }
        if (xs.size() < 12) {
            return;
        }
        double first = xs.first();
        double step = (xs.last() - first) / (xs.size() - 1);
        int i = 0;
        for (double v : xs) {
            if (Math.abs(v - (first + i * step)) > 1e-9 * Math.max(1, Math.abs(step))) {
                return;
            }
            i++;
        }
        XYSeries helper = chart.addSeries(TICK_HELPER, new double[] {first + step / Math.sqrt(2)}, new double[] {anyY});
        helper.setMarker(SeriesMarkers.NONE);
        helper.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        helper.setShowInLegend(false);
    }

    private static final String TICK_HELPER = " ";

    /** True when a log axis spans values that "#,##0.####" would print as 0 or as very long numbers. */
    private boolean needsScientific(boolean yAxis) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (XYSeries s : chart.getSeriesCollection()) {
            for (double v : yAxis ? s.getYData() : s.getXData()) {
                if (v > 0) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return min < 1e-3 || max >= 1e6;
    }

    private XYSeries add(String name, double[] x, double[] y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("series '" + name + "': x and y must not be null");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': x has " + x.length + " values but y has "
                    + y.length + "; they must have the same length");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("series '" + name + "' has no points");
        }
        if ((chart.getSeries(name) != null)) {
            throw new IllegalArgumentException("the chart already has a series named '" + name + "'; use another name");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("series '" + name + "' has a non-finite point at index " + i
                        + ": (" + x[i] + ", " + y[i] + "); plot only finite values");
            }
        }
        anySeries = true;
        return chart.addSeries(name, x, y);
    }

    static double[] indexFromOne(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }
}
