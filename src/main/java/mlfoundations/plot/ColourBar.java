package mlfoundations.plot;

import java.awt.BasicStroke;
import java.awt.FontMetrics;
import java.awt.Graphics2D;

import org.knowm.xchart.style.XYStyler;

/**
 * The scale beside a colour map ({@code plt.colorbar()}): the bands of {@link HeatMap} stacked from lo at the bottom to
 * hi at the top, with ticks by the same rule and in the same font as every axis ({@link Ticks}), and the name of the
 * value above it.
 */
final class ColourBar {

    /** Gap between the plot area and the bar, and the bar's width, in pixels. */
    private static final int GAP = 18;
    private static final int BAR = 16;

    private ColourBar() {
    }

    /** The pixels the bar needs to the right of the plot area: gap, bar, ticks, labels and the chart's padding. */
    static int width(Canvas canvas, double lo, double hi, int plotH) {
        XYStyler look = canvas.look();
        double step = Ticks.step((hi - lo) / plotH, look.getYAxisTickMarkSpacingHint());
        return GAP + BAR + look.getAxisTickMarkLength() + look.getAxisTickPadding()
                + canvas.widestLabel(lo - 0.02 * (hi - lo), hi + 0.02 * (hi - lo), step) + look.getChartPadding();
    }

    /** Draws the bar beside the view's plot area for values [lo, hi] in {@code levels} bands, titled {@code label}. */
    static void draw(Canvas canvas, Canvas.View v, double lo, double hi, int levels, String label) {
        XYStyler look = canvas.look();
        Graphics2D g = canvas.graphics();
        int x = v.left() + v.plotW() + GAP;
        int top = v.top();
        int h = v.plotH();
        for (int b = 0; b < levels; b++) {
            int y0 = top + (int) Math.round((double) (levels - b - 1) / levels * h);
            int y1 = top + (int) Math.round((double) (levels - b) / levels * h);
            g.setColor(HeatMap.colour((b + 0.5) / levels));
            g.fillRect(x, y0, BAR, y1 - y0);
        }
        g.setColor(look.getPlotBorderColor());
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, top, BAR, h);
        g.setFont(look.getAxisTickLabelsFont());
        FontMetrics fm = g.getFontMetrics();
        int mark = look.getAxisTickMarkLength();
        // The sampled extremes sit a hair inside round values (pixel centres miss the exact minimum), so ticks a
        // little outside [lo, hi] are kept and pinned to the bar's ends.
        double slack = 0.02 * (hi - lo);
        double step = Ticks.step((hi - lo) / h, look.getYAxisTickMarkSpacingHint());
        for (double t : Ticks.over(lo - slack, hi + slack, step)) {
            int y = top + (int) Math.round((hi - Math.max(lo, Math.min(hi, t))) / (hi - lo) * h);
            g.setColor(look.getAxisTickMarksColor());
            g.drawLine(x + BAR, y, x + BAR + mark, y);
            g.setColor(look.getAxisTickLabelsColor());
            g.drawString(Ticks.label(t), x + BAR + mark + look.getAxisTickPadding(), y + fm.getAscent() / 2 - 1);
        }
        g.setFont(look.getLegendFont());
        fm = g.getFontMetrics();
        int width = canvas.image().getWidth();
        String s = label == null ? "" : label;
        g.setColor(look.getChartFontColor());
        g.drawString(s, Math.min(x + BAR / 2 - fm.stringWidth(s) / 2, width - 2 - fm.stringWidth(s)), top - 6);
    }
}
