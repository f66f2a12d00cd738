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
import java.awt.image.BufferedImage;
import java.util.List;

import org.knowm.xchart.style.XYStyler;

/**
 * The drawing surface of the charts the course draws itself in Java2D ({@link Arrows}, {@link Surface}): title, axes
 * with ticks and grid, axis titles and legend. Fonts, colours, strokes, padding and tick spacing all come from
 * {@link Style#look()}, the XChart settings of every other chart, and ticks follow the same rule ({@link Ticks}), so
 * all figures of the course look like one family.
 *
 * <p>Use: {@link #layout} finds the plot area for a data rectangle, the chart draws its content through
 * {@link #graphics()} and {@link View#px}/{@link View#py}, then {@link #frame} and {@link #legend} finish it.
 */
final class Canvas {

    /** The plot area in pixels and the data rectangle it shows. */
    record View(int left, int top, int plotW, int plotH, double xMin, double xMax, double yMin, double yMax) {

        /** The pixel column of data x. */
        double px(double x) {
            return left + (x - xMin) / (xMax - xMin) * plotW;
        }

        /** The pixel row of data y (rows grow downwards, y upwards). */
        double py(double y) {
            return top + (yMax - y) / (yMax - yMin) * plotH;
        }
    }

    /**
     * How a legend entry's sample is drawn: a line, a line with a dot, a dot, an arrow, a dashed arrow, or a white
     * quiver arrow on a patch of the entry's colour (the gradient arrows of a colour map).
     */
    enum Sample { LINE, PATH, POINT, ARROW, DASHED_ARROW, QUIVER }

    /** One legend row: the sample in its colour, then the text. */
    record Entry(String text, Color colour, Sample sample) {
    }

    /** Where the legend goes: inside the plot's top-right corner, or outside it on the right. */
    enum Place { INSIDE, OUTSIDE }

    private static final int LEGEND_GAP = 12;
    private static final int LEGEND_ROW_GAP = 4;

    private final XYStyler look = Style.look();
    private final int width;
    private final int height;
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final BufferedImage image;
    private final Graphics2D g;

    /** A white image of this size, ready to draw on with antialiasing. */
    Canvas(int width, int height, String title, String xLabel, String yLabel) {
        Style.checkSize(width, height);
        this.width = width;
        this.height = height;
        this.title = title == null ? "" : title;
        this.xLabel = xLabel == null ? "" : xLabel;
        this.yLabel = yLabel == null ? "" : yLabel;
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(look.getChartBackgroundColor());
        g.fillRect(0, 0, width, height);
    }

    /** The image drawn so far. */
    BufferedImage image() {
        return image;
    }

    /** The pen, for content this class does not draw (bands of colour, paths, points). */
    Graphics2D graphics() {
        return g;
    }

    /**
     * The plot area for the data rectangle [xMin, xMax] x [yMin, yMax], with room around it for the title, tick labels
     * and axis titles, and {@code right} pixels kept free on the right (for a legend or a colour bar). With
     * {@code equal} the rectangle grows about its centre in one direction so one unit has the same length in pixels on
     * both axes ({@code plt.axis('equal')}).
     */
    View layout(double xMin, double xMax, double yMin, double yMax, int right, boolean equal) {
        int top = look.getChartPadding() + height(look.getChartTitleFont()) + look.getChartPadding();
        int bottom = look.getAxisTickMarkLength() + look.getAxisTickPadding() + height(look.getAxisTickLabelsFont())
                + look.getAxisTitlePadding() + height(look.getAxisTitleFont()) + look.getChartPadding();
        int plotH = height - top - bottom;
        View view = null;
        int left = look.getChartPadding() + height(look.getAxisTitleFont()) + look.getAxisTitlePadding();
        // The widest y tick label sets the left margin, and the margin sets the ranges: two rounds settle it.
        for (int round = 0; round < 2; round++) {
            double y0 = view == null ? yMin : view.yMin();
            double y1 = view == null ? yMax : view.yMax();
            int labels = widestLabel(y0, y1, Ticks.step((y1 - y0) / plotH, look.getYAxisTickMarkSpacingHint()));
            int l = left + labels + look.getAxisTickPadding() + look.getAxisTickMarkLength();
            int plotW = width - l - right - look.getChartPadding();
            if (plotW < 60 || plotH < 60) {
                throw new IllegalStateException("a " + width + "x" + height + " image leaves no room for the plot"
                        + " beside its labels and legend; use a larger image or shorter names");
            }
            view = equal ? equalView(l, top, plotW, plotH, xMin, xMax, yMin, yMax)
                    : new View(l, top, plotW, plotH, xMin, xMax, yMin, yMax);
        }
        return view;
    }

    private static View equalView(int left, int top, int plotW, int plotH, double xMin, double xMax, double yMin,
            double yMax) {
        double unitsPerPixel = Math.max((xMax - xMin) / plotW, (yMax - yMin) / plotH);
        double halfW = plotW * unitsPerPixel / 2;
        double halfH = plotH * unitsPerPixel / 2;
        double xMid = (xMin + xMax) / 2;
        double yMid = (yMin + yMax) / 2;
        return new View(left, top, plotW, plotH, xMid - halfW, xMid + halfW, yMid - halfH, yMid + halfH);
    }

    /** The tick step along x and along y for this view; equal-scale views use the finer of the two on both. */
    double[] steps(View v, boolean equal) {
        double sx = Ticks.step((v.xMax() - v.xMin()) / v.plotW(), look.getXAxisTickMarkSpacingHint());
        double sy = Ticks.step((v.yMax() - v.yMin()) / v.plotH(), look.getYAxisTickMarkSpacingHint());
        return equal ? new double[] {Math.min(sx, sy), Math.min(sx, sy)} : new double[] {sx, sy};
    }

    /** Grid lines at the ticks, drawn under the content (skip them on a colour map, where they would be noise). */
    void grid(View v, boolean equal) {
        double[] step = steps(v, equal);
        g.setColor(look.getPlotGridLinesColor());
        g.setStroke(look.getPlotGridLinesStroke());
        for (double t : Ticks.over(v.xMin(), v.xMax(), step[0])) {
            g.draw(new Line2D.Double(v.px(t), v.top(), v.px(t), v.top() + v.plotH()));
        }
        for (double t : Ticks.over(v.yMin(), v.yMax(), step[1])) {
            g.draw(new Line2D.Double(v.left(), v.py(t), v.left() + v.plotW(), v.py(t)));
        }
    }

    /** The plot border, the ticks with their labels, the axis titles and the chart title, drawn over the content. */
    void frame(View v, boolean equal) {
        double[] step = steps(v, equal);
        g.setColor(look.getPlotBorderColor());
        g.setStroke(new BasicStroke(1f));
        g.drawRect(v.left(), v.top(), v.plotW(), v.plotH());
        int bottom = v.top() + v.plotH();
        int mark = look.getAxisTickMarkLength();
        g.setFont(look.getAxisTickLabelsFont());
        FontMetrics fm = g.getFontMetrics();
        for (double t : Ticks.over(v.xMin(), v.xMax(), step[0])) {
            int x = (int) Math.round(v.px(t));
            tickMark(x, bottom, x, bottom + mark);
            String s = Ticks.label(t);
            g.drawString(s, x - fm.stringWidth(s) / 2, bottom + mark + look.getAxisTickPadding() + fm.getAscent());
        }
        int labelsLeft = v.left();
        for (double t : Ticks.over(v.yMin(), v.yMax(), step[1])) {
            int y = (int) Math.round(v.py(t));
            tickMark(v.left() - mark, y, v.left(), y);
            String s = Ticks.label(t);
            int x = v.left() - mark - look.getAxisTickPadding() - fm.stringWidth(s);
            g.drawString(s, x, y + fm.getAscent() / 2 - 1);
            labelsLeft = Math.min(labelsLeft, x);
        }
        titles(v, labelsLeft);
    }

    private void tickMark(int x0, int y0, int x1, int y1) {
        g.setColor(look.getAxisTickMarksColor());
        g.setStroke(look.getAxisTickMarksStroke());
        g.drawLine(x0, y0, x1, y1);
        g.setColor(look.getAxisTickLabelsColor());
    }

    /** The axis titles (the y title just left of the y tick labels, which end at {@code labelsLeft}) and the title. */
    private void titles(View v, int labelsLeft) {
        g.setColor(look.getChartFontColor());
        g.setFont(look.getAxisTitleFont());
        FontMetrics fm = g.getFontMetrics();
        g.drawString(xLabel, v.left() + (v.plotW() - fm.stringWidth(xLabel)) / 2, height - look.getChartPadding()
                - fm.getDescent());
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(v.top() + (v.plotH() + fm.stringWidth(yLabel)) / 2),
                Math.max(look.getChartPadding() + fm.getAscent(), labelsLeft - look.getAxisTitlePadding()
                        - fm.getDescent()));
        g.setTransform(saved);
        g.setFont(look.getChartTitleFont());
        fm = g.getFontMetrics();
        g.drawString(title, (width - fm.stringWidth(title)) / 2, look.getChartPadding() + fm.getAscent());
    }

    /** The pixels a legend with these entries needs across, gap included; 0 for no entries. */
    int legendWidth(List<Entry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        FontMetrics fm = g.getFontMetrics(look.getLegendFont());
        int text = 0;
        for (Entry e : entries) {
            text = Math.max(text, fm.stringWidth(e.text()));
        }
        return LEGEND_GAP + 3 * pad() + look.getLegendSeriesLineLength() + text;
    }

    /** The legend box: a row per entry, its sample then its text, inside the plot's top-right corner or beside it. */
    void legend(View v, List<Entry> entries, Place place) {
        if (entries.isEmpty()) {
            return;
        }
        g.setFont(look.getLegendFont());
        FontMetrics fm = g.getFontMetrics();
        int rowH = fm.getHeight() + LEGEND_ROW_GAP;
        int boxW = legendWidth(entries) - LEGEND_GAP;
        int boxH = rowH * entries.size() + 2 * pad() - LEGEND_ROW_GAP;
        int bx = place == Place.INSIDE ? v.left() + v.plotW() - boxW - pad() : v.left() + v.plotW() + LEGEND_GAP;
        int by = place == Place.INSIDE ? v.top() + pad() : v.top();
        g.setColor(look.getLegendBackgroundColor());
        g.fillRect(bx, by, boxW, boxH);
        g.setColor(look.getLegendBorderColor());
        g.setStroke(new BasicStroke(1f));
        g.drawRect(bx, by, boxW, boxH);
        int line = look.getLegendSeriesLineLength();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            int cy = by + pad() + i * rowH + fm.getHeight() / 2;
            sample(e, bx + pad(), cy, line);
            g.setFont(look.getLegendFont());
            g.setColor(look.getChartFontColor());
            g.drawString(e.text(), bx + 2 * pad() + line, cy + fm.getAscent() / 2 - 1);
        }
    }

    private void sample(Entry e, int x, int cy, int line) {
        switch (e.sample()) {
            case LINE -> {
                g.setColor(e.colour());
                g.setStroke(new BasicStroke(2f));
                g.drawLine(x, cy, x + line, cy);
            }
            case PATH -> {
                haloLine(new Line2D.Double(x, cy, x + line, cy), e.colour());
                dot(x + line / 2.0, cy, 3.5, e.colour(), Color.BLACK, 1f);
            }
            case POINT -> dot(x + line / 2.0, cy, 5, e.colour(), edgeFor(e.colour()), 1.5f);
            case ARROW -> ArrowShape.draw(g, x, cy, x + line, cy, e.colour(), 2.5f, 9, false);
            case DASHED_ARROW -> ArrowShape.draw(g, x, cy, x + line, cy, e.colour(), 2f, 9, true);
            case QUIVER -> {
                g.setColor(e.colour());
                g.fillRect(x - 1, cy - 7, line + 2, 14);
                ArrowShape.quiver(g, x + 2, cy, x + line - 2, cy);
            }
        }
    }

    /** A line with a thin dark halo under it, so it shows on light and dark backgrounds alike. */
    void haloLine(java.awt.Shape line, Color c) {
        g.setStroke(new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(0, 0, 0, 140));
        g.draw(line);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(c);
        g.draw(line);
    }

    /** A filled circle of radius r centred at (x, y), outlined in {@code edge}. */
    void dot(double x, double y, double r, Color fill, Color edge, float edgeWidth) {
        Ellipse2D.Double circle = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
        g.setColor(fill);
        g.fill(circle);
        g.setColor(edge);
        g.setStroke(new BasicStroke(edgeWidth));
        g.draw(circle);
    }

    /** Black edges for light fills and white edges for black ones, so a dot shows on any background. */
    static Color edgeFor(Color fill) {
        return fill.equals(Color.BLACK) ? Color.WHITE : Color.BLACK;
    }

    /** The course's look this canvas draws in, for parts a chart draws itself (a colour bar); read, never change. */
    XYStyler look() {
        return look;
    }

    /** The pixel width of the widest tick label on [lo, hi] with this step. */
    int widestLabel(double lo, double hi, double step) {
        FontMetrics fm = g.getFontMetrics(look.getAxisTickLabelsFont());
        int widest = 0;
        for (double t : Ticks.over(lo, hi, step)) {
            widest = Math.max(widest, fm.stringWidth(Ticks.label(t)));
        }
        return widest;
    }

    private int pad() {
        // XChart's legend padding (10) is roomy for the few entries of these charts; 6 keeps the box compact.
        return Math.min(6, look.getLegendPadding());
    }

    private int height(Font font) {
        return g.getFontMetrics(font).getHeight();
    }

    /** Releases the pen; the image stays. */
    BufferedImage finish() {
        g.dispose();
        return image;
    }
}
