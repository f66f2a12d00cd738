package mlfoundations.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * A filled-contour map of a function of two variables z = f(x, y) over a rectangle: colour shows the height, in
 * equal bands with thin contour lines between them, with a colour bar to read values off. Optional extras: gradient
 * arrows on a coarse grid (they point uphill) and paths such as gradient-descent trajectories. It stands in for
 * {@code plt.contourf(X, Y, Z); plt.colorbar(); plt.quiver(...); plt.plot(path)}:
 * <pre>
 *   Surface.of("Bowl", "x", "y", p -&gt; p[0]*p[0] + p[1]*p[1], -2, 2, -2, 2).arrows(grad, 9).image()
 * </pre>
 * Functions take a point {@code p = {x, y}}, the same form gradient descent in {@code mlfoundations.optim} uses.
 * The colours come from {@link HeatMap}, the scale from {@link ColourBar}; axes, ticks, titles and legend are drawn by
 * the shared {@link Canvas}, in the look of the XChart charts.
 */
public final class Surface {

    private static final Color[] PATH_COLOURS = {
        new Color(230, 159, 0), new Color(213, 94, 0), new Color(255, 255, 255), new Color(204, 121, 167),
        new Color(86, 180, 233), new Color(0, 0, 0)
    };

    private static final Color[] POINT_COLOURS = {
        Color.WHITE, Color.BLACK, new Color(230, 159, 0), new Color(86, 180, 233)
    };

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final ToDoubleFunction<double[]> f;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;
    private int width = Style.WIDTH;
    private int height = Style.HEIGHT;
    private int levels = 12;
    private String zLabel = "f(x, y)";
    private boolean equalScale;
    private UnaryOperator<double[]> gradient;
    private int arrowsPerSide;
    private final List<String> pathNames = new ArrayList<>();
    private final List<double[][]> paths = new ArrayList<>();
    private final List<Boolean> pathLines = new ArrayList<>();
    private double fixedLo = Double.NaN;
    private double fixedHi = Double.NaN;

    private Surface(String title, String xLabel, String yLabel, ToDoubleFunction<double[]> f, double xMin, double xMax,
            double yMin, double yMax) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.f = f;
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
    }

    /** A map of z = f(p), p = {x, y}, over [xMin, xMax] x [yMin, yMax], with a title and axis labels. */
    public static Surface of(String title, String xLabel, String yLabel, ToDoubleFunction<double[]> f, double xMin,
            double xMax, double yMin, double yMax) {
        if (f == null) {
            throw new IllegalArgumentException("the function to draw must not be null");
        }
        if (!(xMin < xMax) || !(yMin < yMax) || !Double.isFinite(xMax - xMin) || !Double.isFinite(yMax - yMin)) {
            throw new IllegalArgumentException("the rectangle needs finite xMin < xMax and yMin < yMax, got x in ["
                    + xMin + ", " + xMax + "], y in [" + yMin + ", " + yMax + "]");
        }
        return new Surface(title, xLabel, yLabel, f, xMin, xMax, yMin, yMax);
    }

    /** The image size in pixels (default 640x420). */
    public Surface size(int width, int height) {
        Style.checkSize(width, height);
        if (width < 300 || height < 200) {
            throw new IllegalArgumentException("a surface map needs at least 300x200 pixels for its axes and colour"
                    + " bar, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        return this;
    }

    /** The number of colour bands (contour levels) between the lowest and highest value; default 12. */
    public Surface levels(int levels) {
        if (levels < 2 || levels > 100) {
            throw new IllegalArgumentException("number of levels must be between 2 and 100, got " + levels);
        }
        this.levels = levels;
        return this;
    }

    /**
     * One unit on the x axis as long as one unit on the y axis ({@code plt.axis("equal")}), so circles look round;
     * the plot area shrinks in one direction to make room.
     */
    public Surface equalScale() {
        this.equalScale = true;
        return this;
    }

    /** The label of the colour bar (default "f(x, y)"). */
    public Surface zLabel(String zLabel) {
        this.zLabel = zLabel;
        return this;
    }

    /**
     * Gradient arrows on a {@code perSide} x {@code perSide} grid ({@code plt.quiver}): each arrow points along
     * grad f, uphill, and its length is proportional to the gradient's size (the longest fills most of a grid cell).
     */
    public Surface arrows(UnaryOperator<double[]> gradient, int perSide) {
        if (gradient == null) {
            throw new IllegalArgumentException("the gradient function must not be null");
        }
        if (perSide < 2 || perSide > 40) {
            throw new IllegalArgumentException("arrows per side must be between 2 and 40, got " + perSide);
        }
        this.gradient = gradient;
        this.arrowsPerSide = perSide;
        return this;
    }

    /** A path through the points (rows {x, y}), drawn as a line with a dot at each point; the start is ringed. */
    public Surface path(String name, double[][] points) {
        if (points == null || points.length == 0) {
            throw new IllegalArgumentException("path '" + name + "' has no points");
        }
        for (int k = 0; k < points.length; k++) {
            if (points[k] == null || points[k].length != 2) {
                throw new IllegalArgumentException("path '" + name + "': point " + k + " must have 2 coordinates"
                        + " (x, y), got " + (points[k] == null ? "null" : points[k].length));
            }
            if (!Double.isFinite(points[k][0]) || !Double.isFinite(points[k][1])) {
                throw new IllegalArgumentException("path '" + name + "': point " + k + " is not finite: ("
                        + points[k][0] + ", " + points[k][1] + ")");
            }
        }
        if (pathNames.contains(name)) {
            throw new IllegalArgumentException("the map already has a path named '" + name + "'; use another name");
        }
        if (paths.size() >= PATH_COLOURS.length) {
            throw new IllegalArgumentException("at most " + PATH_COLOURS.length + " paths fit on one map");
        }
        pathNames.add(name);
        double[][] copy = new double[points.length][];
        for (int k = 0; k < points.length; k++) {
            copy[k] = points[k].clone();
        }
        paths.add(copy);
        pathLines.add(Boolean.TRUE);
        return this;
    }

    /**
     * Points without a connecting line ({@code plt.scatter} over the map), e.g. the training examples of one class;
     * each call adds a named series with its own colour (the first is white, the second black) and a legend entry.
     */
    public Surface points(String name, double[][] points) {
        path(name, points);
        pathLines.set(pathLines.size() - 1, Boolean.FALSE);
        return this;
    }

    /**
     * Fixes the colour scale to [lo, hi] instead of the sampled minimum and maximum ({@code contourf(..., vmin, vmax)}),
     * e.g. [0, 1] for probabilities, so that maps of different functions share one scale; values outside are drawn
     * in the end colours.
     */
    public Surface range(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
            throw new IllegalArgumentException("colour range needs finite lo < hi, got [" + lo + ", " + hi + "]");
        }
        this.fixedLo = lo;
        this.fixedHi = hi;
        return this;
    }

    /** Draws the map; end a notebook cell with this to show it inline. */
    public BufferedImage image() {
        Canvas canvas = new Canvas(width, height, title, xLabel, yLabel);
        Canvas.View view = layout(canvas);
        double[][] z = HeatMap.sample(f, view);
        double[] range = HeatMap.range(z);
        if (!Double.isNaN(fixedLo)) {
            range = new double[] {fixedLo, fixedHi};
        }
        HeatMap.paint(canvas.image(), view, z, range[0], range[1], levels);
        Graphics2D g = canvas.graphics();
        Shape oldClip = g.getClip();
        g.setClip(view.left(), view.top(), view.plotW(), view.plotH());
        if (gradient != null) {
            drawGradientArrows(canvas, view);
        }
        for (int i = 0; i < paths.size(); i++) {
            drawSeries(canvas, view, i);
        }
        g.setClip(oldClip);
        canvas.frame(view, equalScale);
        ColourBar.draw(canvas, view, range[0], range[1], levels, zLabel);
        canvas.legend(view, legend(), Canvas.Place.INSIDE);
        return canvas.finish();
    }

    /** Draws the map and saves it as a PNG file. */
    public Path save(Path file) {
        return Style.savePng(image(), file);
    }

    /** The plot area and data rectangle {@link #image()} draws into; package-private so tests can find pixels. */
    Canvas.View view() {
        Canvas canvas = new Canvas(width, height, title, xLabel, yLabel);
        try {
            return layout(canvas);
        } finally {
            canvas.finish();
        }
    }

    /**
     * The plot area: the rectangle of f over the room the colour bar leaves, shrunk in one direction when the scale
     * must be equal, so the rectangle drawn is always the one asked for.
     */
    private Canvas.View layout(Canvas canvas) {
        // The colour bar's width depends on its labels, so on the range of f: a coarse sample gives it.
        double[] range = Double.isNaN(fixedLo) ? HeatMap.range(HeatMap.sample(f,
                new Canvas.View(0, 0, 48, 48, xMin, xMax, yMin, yMax))) : new double[] {fixedLo, fixedHi};
        int bar = ColourBar.width(canvas, range[0], range[1], height / 2);
        Canvas.View v = canvas.layout(xMin, xMax, yMin, yMax, bar, false);
        if (!equalScale) {
            return v;
        }
        double pixelsPerUnit = Math.min(v.plotW() / (xMax - xMin), v.plotH() / (yMax - yMin));
        int w = (int) Math.round(pixelsPerUnit * (xMax - xMin));
        int h = (int) Math.round(pixelsPerUnit * (yMax - yMin));
        return new Canvas.View(v.left() + (v.plotW() - w) / 2, v.top() + (v.plotH() - h) / 2, w, h, xMin, xMax, yMin,
                yMax);
    }

    /** The gradient on an n x n grid as quiver arrows, each centred on its grid point, the longest 0.85 of a cell. */
    private void drawGradientArrows(Canvas canvas, Canvas.View v) {
        int n = arrowsPerSide;
        double[][][] pixels = new double[n][n][];
        double longest = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double[] p = {xMin + (i + 0.5) / n * (xMax - xMin), yMin + (j + 0.5) / n * (yMax - yMin)};
                double[] gr = gradient.apply(p);
                if (gr == null || gr.length != 2) {
                    throw new IllegalArgumentException("the gradient function must return 2 partial derivatives"
                            + " (d/dx, d/dy), got " + (gr == null ? "null" : gr.length));
                }
                // In pixels, so unequal axis scales still show the true direction on the picture.
                double gx = gr[0] / (xMax - xMin) * v.plotW();
                double gy = gr[1] / (yMax - yMin) * v.plotH();
                pixels[i][j] = new double[] {v.px(p[0]), v.py(p[1]), gx, gy};
                if (Double.isFinite(Math.hypot(gx, gy))) {
                    longest = Math.max(longest, Math.hypot(gx, gy));
                }
            }
        }
        double scale = longest > 0 ? 0.85 * Math.min((double) v.plotW() / n, (double) v.plotH() / n) / longest : 0;
        for (double[][] column : pixels) {
            for (double[] a : column) {
                double gx = a[2] * scale;
                double gy = a[3] * scale;
                if (Double.isFinite(gx) && Double.isFinite(gy)) {
                    ArrowShape.quiver(canvas.graphics(), a[0] - gx / 2, a[1] + gy / 2, a[0] + gx / 2, a[1] - gy / 2);
                }
            }
        }
    }

    /** Series i: a path as a haloed line with a dot per point (the start ringed larger), or points as big dots. */
    private void drawSeries(Canvas canvas, Canvas.View v, int i) {
        double[][] pts = paths.get(i);
        Color c = colourOf(i);
        if (!pathLines.get(i)) {
            for (double[] p : pts) {
                canvas.dot(v.px(p[0]), v.py(p[1]), 7, c, Canvas.edgeFor(c), 2f);
            }
            return;
        }
        Path2D.Double line = new Path2D.Double();
        line.moveTo(v.px(pts[0][0]), v.py(pts[0][1]));
        for (int k = 1; k < pts.length; k++) {
            line.lineTo(v.px(pts[k][0]), v.py(pts[k][1]));
        }
        canvas.haloLine(line, c);
        for (int k = 0; k < pts.length; k++) {
            canvas.dot(v.px(pts[k][0]), v.py(pts[k][1]), k == 0 ? 6 : 3.5, c, Color.BLACK, 1f);
        }
    }

    /** Paths take the path colours in order; point series take white, then black, so they show on any band. */
    private Color colourOf(int i) {
        int k = 0;
        for (int j = 0; j < i; j++) {
            if (pathLines.get(j).equals(pathLines.get(i))) {
                k++;
            }
        }
        return pathLines.get(i) ? PATH_COLOURS[k % PATH_COLOURS.length] : POINT_COLOURS[k % POINT_COLOURS.length];
    }

    /** A legend row per path or point series, plus the gradient arrows when there is anything else to tell apart. */
    private List<Canvas.Entry> legend() {
        List<Canvas.Entry> out = new ArrayList<>();
        for (int i = 0; i < pathNames.size(); i++) {
            out.add(new Canvas.Entry(pathNames.get(i), colourOf(i),
                    pathLines.get(i) ? Canvas.Sample.PATH : Canvas.Sample.POINT));
        }
        if (gradient != null && !out.isEmpty()) {
            out.add(new Canvas.Entry("gradient (points uphill)", HeatMap.colour(0), Canvas.Sample.QUIVER));
        }
        return out;
    }
}
