package mlfoundations.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
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
 * the plot (when there are two or more arrows) lists every arrow with its components.
 */
public final class Arrows {

    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font AXIS_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final int LEFT = 62;
    private static final int RIGHT = 18;
    private static final int TOP = 40;
    private static final int BOTTOM = 52;
    private static final int LEGEND_GAP = 12;

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
        this.xLabel = xLabel == null ? "" : xLabel;
        this.yLabel = yLabel == null ? "" : yLabel;
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
        View view = view();
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            drawFrame(g, view);
            for (Arrow a : arrows) {
                drawArrow(g, view, a);
            }
            drawLegend(g, view);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Draws the plot and saves it as a PNG file. */
    public Path save(Path file) {
        return Style.savePng(image(), file);
    }

    /**
     * The mapping from data units to pixels: the data range grown so that one unit has the same length in pixels
     * on both axes ({@code plt.axis('equal')}). Package-private so the tests can check it.
     */
    View view() {
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
        if (span == 0) {
            span = 1;
        }
        // Room around the data for the arrowheads and the tip labels.
        double pad = 0.12 * span;
        xMin -= pad;
        xMax += pad;
        yMin -= pad;
        yMax += pad;
        int plotW = width - LEFT - RIGHT - legendWidth();
        int plotH = height - TOP - BOTTOM;
        if (plotW < 60) {
            throw new IllegalStateException("the legend leaves no room for the plot in a " + width + "x" + height
                    + " image; use shorter arrow names or a wider image");
        }
        double pixelsPerUnit = Math.min(plotW / (xMax - xMin), plotH / (yMax - yMin));
        double xMid = (xMin + xMax) / 2;
        double yMid = (yMin + yMax) / 2;
        double halfW = plotW / pixelsPerUnit / 2;
        double halfH = plotH / pixelsPerUnit / 2;
        return new View(LEFT, TOP, plotW, plotH, xMid - halfW, xMid + halfW, yMid - halfH, yMid + halfH,
                pixelsPerUnit);
    }

    /** The width of the legend box to the right of the plot, plus a gap; 0 when there is only one arrow. */
    private int legendWidth() {
        if (arrows.size() < 2) {
            return 0;
        }
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            FontMetrics fm = g.getFontMetrics(LEGEND_FONT);
            int textW = 0;
            for (Arrow a : arrows) {
                textW = Math.max(textW, fm.stringWidth(legendText(a)));
            }
            return LEGEND_GAP + 34 + textW + 10;
        } finally {
            g.dispose();
        }
    }

    private static String legendText(Arrow a) {
        return a.name + " = (" + coord(a.dx) + ", " + coord(a.dy) + ")"
                + (a.dashed ? " at (" + coord(a.x0) + ", " + coord(a.y0) + ")" : "");
    }

    /** Data range and pixel box of the plot area; {@link #px} and {@link #py} map data to pixels. */
    record View(int left, int top, int plotW, int plotH, double xMin, double xMax, double yMin, double yMax,
            double pixelsPerUnit) {

        double px(double x) {
            return left + (x - xMin) * pixelsPerUnit;
        }

        double py(double y) {
            return top + plotH - (y - yMin) * pixelsPerUnit;
        }
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

    private void drawFrame(Graphics2D g, View v) {
        double step = niceStep(Math.max(v.xMax - v.xMin, v.yMax - v.yMin) / 8);
        DecimalFormat fmt = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ROOT));
        g.setFont(TICK_FONT);
        FontMetrics fm = g.getFontMetrics();
        int bottom = v.top + v.plotH;
        int right = v.left + v.plotW;
        // Count ticks with an integer so rounding cannot pile up along the axis.
        for (long k = (long) Math.ceil(v.xMin / step); k * step <= v.xMax; k++) {
            double tick = k * step;
            int px = (int) Math.round(v.px(tick));
            g.setColor(new Color(235, 235, 235));
            g.drawLine(px, v.top, px, bottom);
            g.setColor(Color.DARK_GRAY);
            g.drawLine(px, bottom, px, bottom + 4);
            String s = fmt.format(tick);
            g.drawString(s, px - fm.stringWidth(s) / 2, bottom + 6 + fm.getAscent());
        }
        for (long k = (long) Math.ceil(v.yMin / step); k * step <= v.yMax; k++) {
            double tick = k * step;
            int py = (int) Math.round(v.py(tick));
            g.setColor(new Color(235, 235, 235));
            g.drawLine(v.left, py, right, py);
            g.setColor(Color.DARK_GRAY);
            g.drawLine(v.left - 4, py, v.left, py);
            String s = fmt.format(tick);
            g.drawString(s, v.left - 7 - fm.stringWidth(s), py + fm.getAscent() / 2 - 1);
        }
        // The axes through the origin: the reference every arrow starts from.
        g.setColor(new Color(110, 110, 110));
        g.setStroke(new BasicStroke(1.3f));
        int ox = (int) Math.round(v.px(0));
        int oy = (int) Math.round(v.py(0));
        g.drawLine(ox, v.top, ox, bottom);
        g.drawLine(v.left, oy, right, oy);
        g.setStroke(new BasicStroke(1f));
        g.setColor(new Color(200, 200, 200));
        g.drawRect(v.left, v.top, v.plotW, v.plotH);

        g.setColor(Color.BLACK);
        g.setFont(TITLE_FONT);
        fm = g.getFontMetrics();
        g.drawString(title, (width - fm.stringWidth(title)) / 2, 10 + fm.getAscent());
        g.setFont(AXIS_FONT);
        fm = g.getFontMetrics();
        g.drawString(xLabel, v.left + (v.plotW - fm.stringWidth(xLabel)) / 2, height - 8);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(v.top + (v.plotH + fm.stringWidth(yLabel)) / 2), 6 + fm.getAscent());
        g.setTransform(saved);
    }

    private static void drawArrow(Graphics2D g, View v, Arrow a) {
        double x0 = v.px(a.x0);
        double y0 = v.py(a.y0);
        double x1 = v.px(a.x0 + a.dx);
        double y1 = v.py(a.y0 + a.dy);
        double length = Math.hypot(x1 - x0, y1 - y0);
        g.setColor(a.color);
        if (length < 1) {
            // The zero vector has no direction: mark the point instead of drawing an arrow.
            g.fillOval((int) Math.round(x0) - 4, (int) Math.round(y0) - 4, 9, 9);
        } else {
            double head = Math.min(13, 0.4 * length);
            double ux = (x1 - x0) / length;
            double uy = (y1 - y0) / length;
            double baseX = x1 - head * ux;
            double baseY = y1 - head * uy;
            Stroke shaft = a.dashed
                    ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f)
                    : new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
            g.setStroke(shaft);
            g.draw(new Line2D.Double(x0, y0, baseX, baseY));
            g.setStroke(new BasicStroke(1f));
            double half = 0.42 * head;
            Path2D.Double tip = new Path2D.Double();
            tip.moveTo(x1, y1);
            tip.lineTo(baseX - half * uy, baseY + half * ux);
            tip.lineTo(baseX + half * uy, baseY - half * ux);
            tip.closePath();
            g.fill(tip);
        }
        if (a.dashed) {
            // A moved copy usually ends where another arrow ends; its name is in the legend instead.
            return;
        }
        // The name just beyond the tip, pushed outward along the arrow so it does not sit on the shaft.
        g.setFont(LABEL_FONT);
        FontMetrics fm = g.getFontMetrics();
        double ux = length < 1 ? 0.7 : (x1 - x0) / length;
        double uy = length < 1 ? -0.7 : (y1 - y0) / length;
        double cx = x1 + ux * 12;
        double cy = y1 + uy * 12;
        int w = fm.stringWidth(a.name);
        int tx = (int) Math.round(cx + ux * w / 2 - w / 2.0);
        int ty = (int) Math.round(cy + uy * fm.getAscent() / 2 + fm.getAscent() / 2.0 - 2);
        tx = Math.max(v.left + 2, Math.min(tx, v.left + v.plotW - w - 2));
        ty = Math.max(v.top + fm.getAscent() + 2, Math.min(ty, v.top + v.plotH - 3));
        g.drawString(a.name, tx, ty);
    }

    /** The legend to the right of the plot area, outside it, so it never hides an arrow. */
    private void drawLegend(Graphics2D g, View v) {
        if (arrows.size() < 2) {
            return;
        }
        g.setFont(LEGEND_FONT);
        FontMetrics fm = g.getFontMetrics();
        int rowH = fm.getHeight() + 4;
        int bx = v.left + v.plotW + LEGEND_GAP;
        int by = v.top;
        int boxW = width - RIGHT - bx + RIGHT / 2;
        int boxH = rowH * arrows.size() + 8;
        g.setColor(new Color(210, 210, 210));
        g.drawRect(bx, by, boxW, boxH);
        for (int i = 0; i < arrows.size(); i++) {
            Arrow a = arrows.get(i);
            int yMid = by + 4 + i * rowH + rowH / 2;
            g.setColor(a.color);
            g.setStroke(a.dashed
                    ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f)
                    : new BasicStroke(2.5f));
            g.drawLine(bx + 6, yMid, bx + 22, yMid);
            g.setStroke(new BasicStroke(1f));
            g.fillPolygon(new int[] {bx + 28, bx + 21, bx + 21}, new int[] {yMid, yMid - 4, yMid + 4}, 3);
            g.setColor(Color.BLACK);
            g.drawString(legendText(a), bx + 34, yMid + fm.getAscent() / 2 - 1);
        }
    }

    private static String coord(double x) {
        DecimalFormat fmt = new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
        String s = fmt.format(x);
        return s.equals("-0") ? "0" : s;
    }

    /** A step of 1, 2 or 5 times a power of ten, at least {@code rough}: the spacing of the grid lines. */
    static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= rough) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
