package mlfoundations.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.function.ToDoubleFunction;

/**
 * A function of two variables as colour: f sampled at the centre of every pixel of a plot area, its values cut into
 * equal bands between lo and hi, each band filled with one viridis colour and a darker pixel wherever the band
 * changes (the contour lines). Loss surfaces use it, and so can the decision regions of a classifier.
 */
final class HeatMap {

    private static final Color[] VIRIDIS = {
        new Color(68, 1, 84), new Color(71, 44, 122), new Color(59, 81, 139), new Color(44, 113, 142),
        new Color(33, 144, 141), new Color(39, 173, 129), new Color(92, 200, 99), new Color(170, 220, 50),
        new Color(253, 231, 37)
    };

    /** The colour of points where f is not finite: neutral, so it does not read as a value. */
    private static final Color UNDEFINED = Color.LIGHT_GRAY;

    private HeatMap() {
    }

    /** f at the centre of every pixel of the view's plot area: z[row][column], row 0 at the top. */
    static double[][] sample(ToDoubleFunction<double[]> f, Canvas.View v) {
        double[][] z = new double[v.plotH()][v.plotW()];
        for (int r = 0; r < v.plotH(); r++) {
            double y = v.yMax() - (r + 0.5) / v.plotH() * (v.yMax() - v.yMin());
            for (int c = 0; c < v.plotW(); c++) {
                double x = v.xMin() + (c + 0.5) / v.plotW() * (v.xMax() - v.xMin());
                z[r][c] = f.applyAsDouble(new double[] {x, y});
            }
        }
        return z;
    }

    /** {lowest, highest} finite value of z; a flat z gets a range of 1 so that it still has a colour. */
    static double[] range(double[][] z) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : z) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo == Double.POSITIVE_INFINITY) {
            throw new IllegalStateException("f is not finite anywhere on the rectangle; nothing to draw");
        }
        return new double[] {lo, hi == lo ? lo + 1 : hi};
    }

    /** Paints z into the plot area of the image: {@code levels} bands over [lo, hi], contour pixels darker. */
    static void paint(BufferedImage image, Canvas.View v, double[][] z, double lo, double hi, int levels) {
        int[][] band = new int[v.plotH()][v.plotW()];
        for (int r = 0; r < v.plotH(); r++) {
            for (int c = 0; c < v.plotW(); c++) {
                band[r][c] = Double.isFinite(z[r][c]) ? bandOf(z[r][c], lo, hi, levels) : -1;
            }
        }
        for (int r = 0; r < v.plotH(); r++) {
            for (int c = 0; c < v.plotW(); c++) {
                int b = band[r][c];
                Color col = b < 0 ? UNDEFINED : colour((b + 0.5) / levels);
                boolean edge = (c + 1 < v.plotW() && band[r][c + 1] != b) || (r + 1 < v.plotH() && band[r + 1][c] != b);
                image.setRGB(v.left() + c, v.top() + r, (edge ? darker(col) : col).getRGB());
            }
        }
    }

    /** The band 0..levels-1 that value v falls in; values outside [lo, hi] take the end bands. */
    static int bandOf(double v, double lo, double hi, int levels) {
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
}
