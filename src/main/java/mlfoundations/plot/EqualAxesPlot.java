package mlfoundations.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Curves and arrows in the plane with one unit the same length on both axes ({@code plt.plot(...)} followed by
 * {@code plt.axis('equal')}), so a circle looks round and perpendicular directions look perpendicular:
 * <pre>
 *   EqualAxesPlot.of("A maps the circle to an ellipse", "x", "y")
 *       .curve("unit circle", cx, cy).curve("A times the circle", ex, ey).arrow("3 v1", v1).image()
 * </pre>
 * Drawn with XChart in the course's style; the legend sits to the right of the plot, outside it.
 */
public final class EqualAxesPlot {

    /** An XYChart that tells where its plot area ended up, so the axis ranges can be matched to it. */
    private static final class Chart extends XYChart {
        Chart(int width, int height) {
            super(width, height);
        }

        Rectangle2D plotArea() {
            return plot.getBounds();
        }
    }

    private final Chart chart;
    private double xMin = Double.POSITIVE_INFINITY;
    private double xMax = Double.NEGATIVE_INFINITY;
    private double yMin = Double.POSITIVE_INFINITY;
    private double yMax = Double.NEGATIVE_INFINITY;

    private EqualAxesPlot(String title, String xLabel, String yLabel, int width, int height) {
        Style.checkSize(width, height);
        chart = new Chart(width, height);
        chart.setTitle(title == null ? "" : title);
        chart.setXAxisTitle(xLabel == null ? "" : xLabel);
        chart.setYAxisTitle(yLabel == null ? "" : yLabel);
        Style.apply(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    }

    /** An empty plot, {@value Style#WIDTH}x{@value Style#HEIGHT} pixels. */
    public static EqualAxesPlot of(String title, String xLabel, String yLabel) {
        return new EqualAxesPlot(title, xLabel, yLabel, Style.WIDTH, Style.HEIGHT);
    }

    /** An empty plot of the given size in pixels. */
    public static EqualAxesPlot of(String title, String xLabel, String yLabel, int width, int height) {
        return new EqualAxesPlot(title, xLabel, yLabel, width, height);
    }

    /** A curve through the points (x[i], y[i]) ({@code plt.plot(x, y)}); close it by repeating the first point. */
    public EqualAxesPlot curve(String name, double[] x, double[] y) {
        add(name, x, y);
        return this;
    }

    /**
     * The 2-D vector v as an arrow from the origin ({@code plt.quiver(0, 0, v[0], v[1], angles='xy',
     * scale_units='xy', scale=1)}). The head is drawn in data units, which is right because the axes are equal.
     */
    public EqualAxesPlot arrow(String name, double[] v) {
        if (v == null || v.length != 2) {
            throw new IllegalArgumentException("arrow '" + name + "' needs a 2-D vector (2 components), got "
                    + (v == null ? "null" : v.length + " components"));
        }
        double length = Math.hypot(v[0], v[1]);
        if (!(length > 0) || Double.isInfinite(length)) {
            throw new IllegalArgumentException("arrow '" + name + "': the vector (" + v[0] + ", " + v[1]
                    + ") must be finite and non-zero to have a direction");
        }
        // Head in data units, which is right because the axes are equal; the same geometry as every arrow drawn.
        double[] b = ArrowShape.barbs(0, 0, v[0], v[1], Math.min(0.35 * length, 0.25), ArrowShape.HEAD_ANGLE);
        // One polyline: origin -> tip -> one barb -> tip -> other barb, so the arrow is a single legend entry.
        double[] x = {0, v[0], b[0], v[0], b[2]};
        double[] y = {0, v[1], b[1], v[1], b[3]};
        add(name, x, y).setLineStyle(new java.awt.BasicStroke(2.5f, java.awt.BasicStroke.CAP_ROUND,
                java.awt.BasicStroke.JOIN_ROUND));
        return this;
    }

    /** Draws the plot with equal scaling on both axes; end a notebook cell with this to show it inline. */
    public BufferedImage image() {
        if (chart.getSeriesCollection().isEmpty()) {
            throw new IllegalStateException("the plot '" + chart.getTitle() + "' has no data; add a curve or an arrow");
        }
        double span = Math.max(xMax - xMin, yMax - yMin);
        if (span == 0) {
            span = 1;
        }
        double pad = 0.08 * span;
        double x0 = xMin - pad;
        double x1 = xMax + pad;
        double y0 = yMin - pad;
        double y1 = yMax + pad;
        chart.getStyler().setLegendVisible(chart.getSeriesCollection().size() > 1);
        // The plot area's size depends on the tick labels, which depend on the ranges: a few rounds settle it.
        BufferedImage scratch = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int round = 0; round < 4; round++) {
            setRanges(x0, x1, y0, y1);
            Graphics2D g = scratch.createGraphics();
            try {
                chart.paint(g, chart.getWidth(), chart.getHeight());
            } finally {
                g.dispose();
            }
            Rectangle2D area = chart.plotArea();
            double unitsPerPixel = Math.max((x1 - x0) / area.getWidth(), (y1 - y0) / area.getHeight());
            double xMid = (x0 + x1) / 2;
            double yMid = (y0 + y1) / 2;
            double halfW = area.getWidth() * unitsPerPixel / 2;
            double halfH = area.getHeight() * unitsPerPixel / 2;
            x0 = xMid - halfW;
            x1 = xMid + halfW;
            y0 = yMid - halfH;
            y1 = yMid + halfH;
        }
        setRanges(x0, x1, y0, y1);
        return Style.toImage(chart);
    }

    /** Draws the plot and saves it as a PNG file. */
    public Path save(Path file) {
        return Style.savePng(image(), file);
    }

    private void setRanges(double x0, double x1, double y0, double y1) {
        chart.getStyler().setXAxisMin(x0);
        chart.getStyler().setXAxisMax(x1);
        chart.getStyler().setYAxisMin(y0);
        chart.getStyler().setYAxisMax(y1);
    }

    private XYSeries add(String name, double[] x, double[] y) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("every series needs a name for the legend");
        }
        if (x == null || y == null || x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("series '" + name + "': x and y must be non-empty and of the same length, got "
                    + (x == null ? "null" : x.length) + " and " + (y == null ? "null" : y.length));
        }
        if (chart.getSeries(name) != null) {
            throw new IllegalArgumentException("the plot already has a series named '" + name + "'; use another name");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("series '" + name + "' has a non-finite point at index " + i
                        + ": (" + x[i] + ", " + y[i] + ")");
            }
            xMin = Math.min(xMin, x[i]);
            xMax = Math.max(xMax, x[i]);
            yMin = Math.min(yMin, y[i]);
            yMax = Math.max(yMax, y[i]);
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }
}
