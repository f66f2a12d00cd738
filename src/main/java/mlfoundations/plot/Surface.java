package mlfoundations.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 */
public final class Surface {

    private static final Color[] VIRIDIS = {
        new Color(68, 1, 84), new Color(71, 44, 122), new Color(59, 81, 139), new Color(44, 113, 142),
        new Color(33, 144, 141), new Color(39, 173, 129), new Color(92, 200, 99), new Color(170, 220, 50),
        new Color(253, 231, 37)
    };
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
        int left = 68;
        int right = 96;
        int top = 38;
        int bottom = 52;
        int pw = width - left - right;
        int ph = height - top - bottom;
        if (equalScale) {
            double pixelsPerUnit = Math.min(pw / (xMax - xMin), ph / (yMax - yMin));
            int w = (int) Math.round(pixelsPerUnit * (xMax - xMin));
            int h = (int) Math.round(pixelsPerUnit * (yMax - yMin));
            left += (pw - w) / 2;
            top += (ph - h) / 2;
            pw = w;
            ph = h;
        }

        // Sample f at the centre of every pixel of the plot area.
        double[][] z = new double[ph][pw];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < ph; r++) {
            double y = yMax - (r + 0.5) / ph * (yMax - yMin);
            for (int c = 0; c < pw; c++) {
                double x = xMin + (c + 0.5) / pw * (xMax - xMin);
                double v = f.applyAsDouble(new double[] {x, y});
                z[r][c] = v;
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo == Double.POSITIVE_INFINITY) {
            throw new IllegalStateException("f is not finite anywhere on the rectangle; nothing to draw");
        }
        if (hi == lo) {
            hi = lo + 1;
        }
        if (!Double.isNaN(fixedLo)) {
            lo = fixedLo;
            hi = fixedHi;
        }

        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);

            // Filled bands, with a darker pixel wherever the band changes: the contour lines.
            int[][] band = new int[ph][pw];
            for (int r = 0; r < ph; r++) {
                for (int c = 0; c < pw; c++) {
                    band[r][c] = Double.isFinite(z[r][c]) ? bandOf(z[r][c], lo, hi) : -1;
                }
            }
            for (int r = 0; r < ph; r++) {
                for (int c = 0; c < pw; c++) {
                    int b = band[r][c];
                    Color col = b < 0 ? Color.LIGHT_GRAY : colour((b + 0.5) / levels);
                    boolean edge = (c + 1 < pw && band[r][c + 1] != b) || (r + 1 < ph && band[r + 1][c] != b);
                    if (edge) {
                        col = darker(col);
                    }
                    img.setRGB(left + c, top + r, col.getRGB());
                }
            }

            java.awt.Shape oldClip = g.getClip();
            g.setClip(left, top, pw, ph);
            if (gradient != null) {
                drawArrows(g, left, top, pw, ph);
            }
            for (int i = 0; i < paths.size(); i++) {
                if (pathLines.get(i)) {
                    drawPath(g, paths.get(i), colourOf(i), left, top, pw, ph);
                } else {
                    drawPoints(g, paths.get(i), colourOf(i), left, top, pw, ph);
                }
            }
            g.setClip(oldClip);

            g.setColor(new Color(120, 120, 120));
            g.setStroke(new BasicStroke(1f));
            g.drawRect(left, top, pw, ph);
            drawAxes(g, left, top, pw, ph);
            drawColourBar(g, left + pw + 18, top, ph, lo, hi);
            drawTitle(g);
            drawLegend(g, left, top, pw);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Draws the map and saves it as a PNG file. */
    public Path save(Path file) {
        return Style.savePng(image(), file);
    }

    private int bandOf(double v, double lo, double hi) {
        int b = (int) Math.floor((v - lo) / (hi - lo) * levels);
        return Math.max(0, Math.min(levels - 1, b));
    }

    /** The viridis colour at t in [0, 1]: dark purple for low values through green to yellow for high ones. */
    static Color colour(double t) {
        double s = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        int i = Math.min(VIRIDIS.length - 2, (int) Math.floor(s));
        double u = s - i;
        Color a = VIRIDIS[i];
        Color b = VIRIDIS[i + 1];
        return new Color((int) Math.round(a.getRed() + u * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + u * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + u * (b.getBlue() - a.getBlue())));
    }

    private static Color darker(Color c) {
        return new Color((int) (c.getRed() * 0.72), (int) (c.getGreen() * 0.72), (int) (c.getBlue() * 0.72));
    }

    private double px(double x, int left, int pw) {
        return left + (x - xMin) / (xMax - xMin) * pw;
    }

    private double py(double y, int top, int ph) {
        return top + (yMax - y) / (yMax - yMin) * ph;
    }

    private void drawArrows(Graphics2D g, int left, int top, int pw, int ph) {
        int n = arrowsPerSide;
        double[][][] grads = new double[n][n][];
        double longest = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = xMin + (i + 0.5) / n * (xMax - xMin);
                double y = yMin + (j + 0.5) / n * (yMax - yMin);
                double[] gr = gradient.apply(new double[] {x, y});
                if (gr == null || gr.length != 2) {
                    throw new IllegalArgumentException("the gradient function must return 2 partial derivatives"
                            + " (d/dx, d/dy), got " + (gr == null ? "null" : gr.length));
                }
                grads[i][j] = gr;
                // Lengths in pixels, so unequal axis scales still show the true direction on the picture.
                double gx = gr[0] / (xMax - xMin) * pw;
                double gy = gr[1] / (yMax - yMin) * ph;
                double len = Math.hypot(gx, gy);
                if (Double.isFinite(len)) {
                    longest = Math.max(longest, len);
                }
            }
        }
        double cell = Math.min((double) pw / n, (double) ph / n);
        double scale = longest > 0 ? 0.85 * cell / longest : 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = xMin + (i + 0.5) / n * (xMax - xMin);
                double y = yMin + (j + 0.5) / n * (yMax - yMin);
                double gx = grads[i][j][0] / (xMax - xMin) * pw * scale;
                double gy = grads[i][j][1] / (yMax - yMin) * ph * scale;
                if (!Double.isFinite(gx) || !Double.isFinite(gy)) {
                    continue;
                }
                double x0 = px(x, left, pw) - gx / 2;
                double y0 = py(y, top, ph) + gy / 2;
                double x1 = x0 + gx;
                double y1 = y0 - gy;
                arrow(g, x0, y0, x1, y1, new Color(0, 0, 0, 150), 3.2f);
                arrow(g, x0, y0, x1, y1, Color.WHITE, 1.4f);
            }
        }
    }

    private static void arrow(Graphics2D g, double x0, double y0, double x1, double y1, Color c, float w) {
        double len = Math.hypot(x1 - x0, y1 - y0);
        g.setColor(c);
        if (len < 1.5) {
            g.fill(new Ellipse2D.Double(x0 - w / 2 - 0.6, y0 - w / 2 - 0.6, w + 1.2, w + 1.2));
            return;
        }
        g.setStroke(new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(x0, y0, x1, y1));
        double head = Math.min(7, 0.45 * len);
        double ang = Math.atan2(y1 - y0, x1 - x0);
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x1 - head * Math.cos(ang - 0.45), y1 - head * Math.sin(ang - 0.45));
        p.lineTo(x1, y1);
        p.lineTo(x1 - head * Math.cos(ang + 0.45), y1 - head * Math.sin(ang + 0.45));
        g.draw(p);
    }

    private void drawPath(Graphics2D g, double[][] pts, Color c, int left, int top, int pw, int ph) {
        Path2D.Double line = new Path2D.Double();
        for (int k = 0; k < pts.length; k++) {
            double x = px(pts[k][0], left, pw);
            double y = py(pts[k][1], top, ph);
            if (k == 0) {
                line.moveTo(x, y);
            } else {
                line.lineTo(x, y);
            }
        }
        g.setStroke(new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(0, 0, 0, 140));
        g.draw(line);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(c);
        g.draw(line);
        for (int k = 0; k < pts.length; k++) {
            double x = px(pts[k][0], left, pw);
            double y = py(pts[k][1], top, ph);
            double r = k == 0 ? 6 : 3.5;
            g.setColor(c);
            g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1f));
            g.draw(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        }
    }

    /** Paths take the path colours in order; point series take white, then black, so they show on any band. */
    private Color colourOf(int i) {
        if (pathLines.get(i)) {
            int k = 0;
            for (int j = 0; j < i; j++) {
                if (pathLines.get(j)) {
                    k++;
                }
            }
            return PATH_COLOURS[k % PATH_COLOURS.length];
        }
        int k = 0;
        for (int j = 0; j < i; j++) {
            if (!pathLines.get(j)) {
                k++;
            }
        }
        return POINT_COLOURS[k % POINT_COLOURS.length];
    }

    private void drawPoints(Graphics2D g, double[][] pts, Color c, int left, int top, int pw, int ph) {
        Color edge = c.equals(Color.BLACK) ? Color.WHITE : Color.BLACK;
        for (double[] p : pts) {
            double x = px(p[0], left, pw);
            double y = py(p[1], top, ph);
            double r = 7;
            g.setColor(c);
            g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
            g.setColor(edge);
            g.setStroke(new BasicStroke(2f));
            g.draw(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        }
    }

    private void drawAxes(Graphics2D g, int left, int top, int pw, int ph) {
        Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        Font axis = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        g.setFont(tick);
        FontMetrics fm = g.getFontMetrics();
        g.setStroke(new BasicStroke(1f));
        g.setColor(new Color(60, 60, 60));
        for (double t : ticks(xMin, xMax, 7)) {
            int x = (int) Math.round(px(t, left, pw));
            g.drawLine(x, top + ph, x, top + ph + 4);
            String s = label(t, xMin, xMax);
            g.drawString(s, x - fm.stringWidth(s) / 2, top + ph + 6 + fm.getAscent());
        }
        int widest = 0;
        for (double t : ticks(yMin, yMax, 6)) {
            int y = (int) Math.round(py(t, top, ph));
            g.drawLine(left - 4, y, left, y);
            String s = label(t, yMin, yMax);
            widest = Math.max(widest, fm.stringWidth(s));
            g.drawString(s, left - 7 - fm.stringWidth(s), y + fm.getAscent() / 2 - 1);
        }
        g.setFont(axis);
        FontMetrics am = g.getFontMetrics();
        g.drawString(xLabel, left + pw / 2 - am.stringWidth(xLabel) / 2, top + ph + 24 + am.getAscent());
        AffineTransform saved = g.getTransform();
        int yx = Math.max(am.getAscent(), left - 12 - widest);
        g.translate(yx, top + ph / 2 + am.stringWidth(yLabel) / 2);
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, 0, 0);
        g.setTransform(saved);
    }

    private void drawColourBar(Graphics2D g, int x, int top, int ph, double lo, double hi) {
        int w = 16;
        for (int b = 0; b < levels; b++) {
            int y0 = top + (int) Math.round((double) (levels - b - 1) / levels * ph);
            int y1 = top + (int) Math.round((double) (levels - b) / levels * ph);
            g.setColor(colour((b + 0.5) / levels));
            g.fillRect(x, y0, w, y1 - y0);
        }
        g.setColor(new Color(120, 120, 120));
        g.drawRect(x, top, w, ph);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        g.setColor(new Color(60, 60, 60));
        // The sampled extremes sit a hair inside round values (pixel centres miss the exact minimum), so allow
        // ticks a little outside [lo, hi] and pin them to the bar's ends.
        double slack = 0.02 * (hi - lo);
        for (double t : ticks(lo - slack, hi + slack, 6)) {
            int y = top + (int) Math.round((hi - Math.max(lo, Math.min(hi, t))) / (hi - lo) * ph);
            g.drawLine(x + w, y, x + w + 3, y);
            g.drawString(label(t, lo, hi), x + w + 5, y + fm.getAscent() / 2 - 1);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics zm = g.getFontMetrics();
        String s = zLabel;
        g.drawString(s, Math.min(x + w / 2 - zm.stringWidth(s) / 2, width - 2 - zm.stringWidth(s)), top - 6);
    }

    private void drawTitle(Graphics2D g) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.BLACK);
        g.drawString(title, width / 2 - fm.stringWidth(title) / 2, 8 + fm.getAscent());
    }

    private void drawLegend(Graphics2D g, int left, int top, int pw) {
        List<String> names = new ArrayList<>(pathNames);
        if (gradient != null) {
            names.add("gradient (points uphill)");
        }
        if (names.isEmpty() || (names.size() == 1 && gradient != null)) {
            return;
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        int textW = 0;
        for (String n : names) {
            textW = Math.max(textW, fm.stringWidth(n));
        }
        int rowH = fm.getHeight() + 2;
        int boxW = textW + 44;
        int boxH = rowH * names.size() + 8;
        int bx = left + pw - boxW - 8;
        int by = top + 8;
        g.setColor(new Color(255, 255, 255, 225));
        g.fillRect(bx, by, boxW, boxH);
        g.setColor(new Color(180, 180, 180));
        g.setStroke(new BasicStroke(1f));
        g.drawRect(bx, by, boxW, boxH);
        for (int i = 0; i < names.size(); i++) {
            int cy = by + 4 + rowH * i + rowH / 2;
            if (i < pathNames.size() && !pathLines.get(i)) {
                Color c = colourOf(i);
                g.setColor(c);
                g.fill(new Ellipse2D.Double(bx + 19 - 5, cy - 5, 10, 10));
                g.setColor(c.equals(Color.BLACK) ? Color.GRAY : Color.BLACK);
                g.setStroke(new BasicStroke(1.5f));
                g.draw(new Ellipse2D.Double(bx + 19 - 5, cy - 5, 10, 10));
            } else if (i < pathNames.size()) {
                Color c = colourOf(i);
                g.setStroke(new BasicStroke(3.5f));
                g.setColor(new Color(0, 0, 0, 140));
                g.drawLine(bx + 6, cy, bx + 32, cy);
                g.setStroke(new BasicStroke(2f));
                g.setColor(c);
                g.drawLine(bx + 6, cy, bx + 32, cy);
                g.fill(new Ellipse2D.Double(bx + 19 - 3.5, cy - 3.5, 7, 7));
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(1f));
                g.draw(new Ellipse2D.Double(bx + 19 - 3.5, cy - 3.5, 7, 7));
            } else {
                g.setColor(new Color(68, 1, 84));
                g.fillRect(bx + 5, cy - 7, 29, 14);
                arrow(g, bx + 8, cy, bx + 31, cy, Color.WHITE, 1.4f);
            }
            g.setColor(Color.BLACK);
            g.drawString(names.get(i), bx + 38, cy + fm.getAscent() / 2 - 1);
        }
    }

    /** Round tick positions covering [lo, hi], about {@code target} intervals (steps of 1, 2, 2.5 or 5 times a power of ten). */
    static double[] ticks(double lo, double hi, int target) {
        double raw = (hi - lo) / target;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        double bestMiss = Double.POSITIVE_INFINITY;
        for (double m : new double[] {0.5, 1, 2, 2.5, 5, 10}) {
            double miss = Math.abs((hi - lo) / (m * mag) - target);
            if (miss <= bestMiss) {
                bestMiss = miss;
                step = m * mag;
            }
        }
        List<Double> out = new ArrayList<>();
        double first = Math.ceil(lo / step - 1e-9) * step;
        for (double t = first; t <= hi + step * 1e-9; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String label(double t, double lo, double hi) {
        double step = (hi - lo) / 6;
        int decimals = Math.max(0, Math.min(6, (int) Math.ceil(-Math.log10(step)) + 1));
        String s = String.format(Locale.ROOT, "%." + decimals + "f", t);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s.equals("-0") ? "0" : s;
    }
}
