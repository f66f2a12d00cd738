package mlfoundations.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 2-D vectors drawn as arrows, the Java counterpart of {@code plt.quiver(0, 0, x, y, angles='xy',
 * scale_units='xy', scale=1)} with {@code plt.axis('equal')}:
 * <pre>
 *   Arrows.plot("Adding vectors", "x", "y").arrow("a", a).arrow("b", b).arrow("a + b", Vectors.add(a, b)).image()
 * </pre>
 * One unit is the same number of pixels on both axes, so a right angle looks like a right angle. The axes through
 * the origin are drawn darker than the grid; each arrow carries its name at the tip, and a legend to the right of
 * the plot (when there are two or more arrows) lists every arrow with its components. Axes, ticks, titles and legend
 * are drawn by the shared {@link Canvas}, in the look of the XChart charts.
 */
public final class Arrows {

    /** Names at the tips: the legend's font, in bold, so a name reads as a label of its arrow. */
    private static final Font TIP_FONT = Style.look().getLegendFont().deriveFont(Font.BOLD, 13f);

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final int width;
    private final int height;
    private final List<Arrow> arrows = new ArrayList<>();

    private record Arrow(String name, double x0, double y0, double dx, double dy, boolean dashed, Color color) {
    }

    private Arrows(String title, String xLabel, String yLabel, int width, int height) {
        Style.checkSize(width, height);
        this.title = title == null ? "" : title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.width = width;
        this.height = height;
    }

    /** An empty arrow plot with a title and axis labels, {@value Style#WIDTH}x{@value Style#HEIGHT} pixels. */
    public static Arrows plot(String title, String xLabel, String yLabel) {
        return new Arrows(title, xLabel, yLabel, Style.WIDTH, Style.HEIGHT);
    }

    /** An empty arrow plot of the given size in pixels. */
    public static Arrows plot(String title, String xLabel, String yLabel, int width, int height) {
        return new Arrows(title, xLabel, yLabel, width, height);
    }

    /** The vector {@code v = (x, y)} as an arrow from the origin to the point (x, y). */
    public Arrows arrow(String name, double[] v) {
        return add(name, new double[] {0, 0}, v, false);
    }

    /**
     * The vector {@code v} drawn dashed with its tail at the point {@code from} instead of the origin, to show
     * it moved, as in the tip-to-tail picture of {@code a + b}. It is still the same vector. Its name appears in
     * the legend only, since its tip usually lands on another arrow's tip.
     */
    public Arrows arrowFrom(String name, double[] from, double[] v) {
        return add(name, from, v, true);
    }

    /** Draws the arrows; end a notebook cell with this to show it inline. */
    public BufferedImage image() {
        if (arrows.isEmpty()) {
            throw new IllegalStateException("the arrow plot '" + title + "' has no arrows; add one with arrow(name, v)");
        }
        Canvas canvas = new Canvas(width, height, title, xLabel, yLabel);
        Canvas.View view = view(canvas);
        canvas.grid(view, true);
        drawOriginAxes(canvas.graphics(), view);
        for (Arrow a : arrows) {
            Canvas.View v = view;
            ArrowShape.draw(canvas.graphics(), v.px(a.x0), v.py(a.y0), v.px(a.x0 + a.dx), v.py(a.y0 + a.dy), a.color, a.dashed ? 2f : 2.5f,
                    13, a.dashed);
            if (!a.dashed) {
                // A moved copy usually ends where another arrow ends; its name is in the legend instead.
                drawTipLabel(canvas.graphics(), view, a);
            }
        }
        canvas.frame(view, true);
        canvas.legend(view, legend(), Canvas.Place.OUTSIDE);
        return canvas.finish();
    }

    /** Draws the plot and saves it as a PNG file. */
    public Path save(Path file) {
        return Style.savePng(image(), file);
    }

    /**
     * The mapping from data units to pixels: the data range (with the origin, and room for the heads and tip labels)
     * grown so that one unit has the same length in pixels on both axes ({@code plt.axis('equal')}). Package-private
     * so the tests can check it.
     */
    Canvas.View view() {
        Canvas canvas = new Canvas(width, height, title, xLabel, yLabel);
        try {
            return view(canvas);
        } finally {
            canvas.finish();
        }
    }

    private Canvas.View view(Canvas canvas) {
        double xMin = 0;
        double xMax = 0;
        double yMin = 0;
        double yMax = 0;
        for (Arrow a : arrows) {
            xMin = Math.min(xMin, Math.min(a.x0, a.x0 + a.dx));
            xMax = Math.max(xMax, Math.max(a.x0, a.x0 + a.dx));
            yMin = Math.min(yMin, Math.min(a.y0, a.y0 + a.dy));
            yMax = Math.max(yMax, Math.max(a.y0, a.y0 + a.dy));
        }
        double span = Math.max(xMax - xMin, yMax - yMin);
        double pad = 0.12 * (span == 0 ? 1 : span);
        return canvas.layout(xMin - pad, xMax + pad, yMin - pad, yMax + pad, canvas.legendWidth(legend()), true);
    }

    /** One legend row per arrow, with its components; none for a single arrow, whose tip label says it all. */
    private List<Canvas.Entry> legend() {
        List<Canvas.Entry> out = new ArrayList<>();
        if (arrows.size() < 2) {
            return out;
        }
        for (Arrow a : arrows) {
            String text = a.name + " = (" + coord(a.dx) + ", " + coord(a.dy) + ")"
                    + (a.dashed ? " at (" + coord(a.x0) + ", " + coord(a.y0) + ")" : "");
            out.add(new Canvas.Entry(text, a.color, a.dashed ? Canvas.Sample.DASHED_ARROW : Canvas.Sample.ARROW));
        }
        return out;
    }

    private Arrows add(String name, double[] from, double[] v, boolean dashed) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("every arrow needs a name for its label");
        }
        check(name, "start point", from);
        check(name, "vector", v);
        for (Arrow a : arrows) {
            if (a.name.equals(name)) {
                throw new IllegalArgumentException("the plot already has an arrow named '" + name + "'; use another name");
            }
        }
        Color color = Style.PALETTE[arrows.size() % Style.PALETTE.length];
        arrows.add(new Arrow(name, from[0], from[1], v[0], v[1], dashed, color));
        return this;
    }

    private static void check(String name, String what, double[] v) {
        if (v == null) {
            throw new IllegalArgumentException("arrow '" + name + "': the " + what + " is null");
        }
        if (v.length != 2) {
            throw new IllegalArgumentException("arrow '" + name + "': the " + what + " has " + v.length
                    + " components, but an arrow plot draws 2-D vectors (2 components)");
        }
        if (!Double.isFinite(v[0]) || !Double.isFinite(v[1])) {
            throw new IllegalArgumentException("arrow '" + name + "': the " + what + " (" + v[0] + ", " + v[1]
                    + ") is not finite");
        }
    }

    /** The axes through the origin, darker than the grid: the reference every arrow starts from. */
    private static void drawOriginAxes(Graphics2D g, Canvas.View v) {
        g.setColor(new Color(110, 110, 110));
        g.setStroke(new BasicStroke(1.3f));
        int ox = (int) Math.round(v.px(0));
        int oy = (int) Math.round(v.py(0));
        g.drawLine(ox, v.top(), ox, v.top() + v.plotH());
        g.drawLine(v.left(), oy, v.left() + v.plotW(), oy);
    }

    /** The name just beyond the tip, pushed outward along the arrow so it does not sit on the shaft. */
    private static void drawTipLabel(Graphics2D g, Canvas.View v, Arrow a) {
        double x0 = v.px(a.x0);
        double y0 = v.py(a.y0);
        double x1 = v.px(a.x0 + a.dx);
        double y1 = v.py(a.y0 + a.dy);
        double length = Math.hypot(x1 - x0, y1 - y0);
        g.setFont(TIP_FONT);
        g.setColor(a.color);
        FontMetrics fm = g.getFontMetrics();
        double ux = length < 1 ? 0.7 : (x1 - x0) / length;
        double uy = length < 1 ? -0.7 : (y1 - y0) / length;
        double cx = x1 + ux * 12;
        double cy = y1 + uy * 12;
        int w = fm.stringWidth(a.name);
        int tx = (int) Math.round(cx + ux * w / 2 - w / 2.0);
        int ty = (int) Math.round(cy + uy * fm.getAscent() / 2 + fm.getAscent() / 2.0 - 2);
        tx = Math.max(v.left() + 2, Math.min(tx, v.left() + v.plotW() - w - 2));
        ty = Math.max(v.top() + fm.getAscent() + 2, Math.min(ty, v.top() + v.plotH() - 3));
        g.drawString(a.name, tx, ty);
    }

    private static String coord(double x) {
        String s = new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(x);
        return s.equals("-0") ? "0" : s;
    }
}
