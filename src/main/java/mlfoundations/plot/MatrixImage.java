package mlfoundations.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;

import org.ejml.simple.SimpleMatrix;

/**
 * A matrix drawn as a grey-scale picture, one square block per entry: the smallest value black, the largest white
 * ({@code plt.imshow(A, cmap="gray")}). Row 0 is at the top, as in an image. Use {@link #range} to give several
 * pictures one shared scale, and {@link Grid#row} to put them side by side:
 * <pre>
 *   Grid.row(MatrixImage.of("original", a).image(), MatrixImage.of("rank 5", a5).range(0, 1).image())
 * </pre>
 */
public final class MatrixImage {

    private final String title;
    private final double[][] values;
    private int width = 320;
    private int height = 340;
    private double lo;
    private double hi;

    private MatrixImage(String title, double[][] values, double lo, double hi) {
        this.title = title == null ? "" : title;
        this.values = values;
        this.lo = lo;
        this.hi = hi;
    }

    /** A picture of A on its own scale: min(A) black, max(A) white. Throws for a null matrix or a non-finite entry. */
    public static MatrixImage of(String title, SimpleMatrix a) {
        if (a == null) {
            throw new IllegalArgumentException("the matrix to draw is null");
        }
        double[][] v = new double[a.numRows()][a.numCols()];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v[i].length; j++) {
                double x = a.get(i, j);
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("entry (" + i + ", " + j + ") of the matrix is " + x);
                }
                v[i][j] = x;
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        return new MatrixImage(title, v, min, max);
    }

    /** Fixes the grey scale: lo (and below) black, hi (and above) white ({@code imshow(..., vmin=lo, vmax=hi)}). */
    public MatrixImage range(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
            throw new IllegalArgumentException("grey range needs finite lo < hi, got [" + lo + ", " + hi + "]");
        }
        this.lo = lo;
        this.hi = hi;
        return this;
    }

    /** The picture's size in pixels, title included (default 320x340). */
    public MatrixImage size(int width, int height) {
        Style.checkSize(width, height);
        this.width = width;
        this.height = height;
        return this;
    }

    /** Draws the picture; end a notebook cell with this to show it inline. */
    public BufferedImage image() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            FontMetrics fm = g.getFontMetrics();
            g.setColor(Color.BLACK);
            g.drawString(title, Math.max(4, (width - fm.stringWidth(title)) / 2), fm.getAscent() + 6);
            int top = fm.getHeight() + 12;
            int rows = values.length;
            int cols = rows == 0 ? 0 : values[0].length;
            if (rows == 0 || cols == 0) {
                return img;
            }
            // The same scale both ways, so square entries stay square; the picture is centred in what is left.
            double cell = Math.min((width - 16.0) / cols, (height - top - 8.0) / rows);
            double x0 = (width - cell * cols) / 2;
            double y0 = top + (height - top - 8 - cell * rows) / 2;
            double span = hi - lo;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double t = Math.max(0, Math.min(1, (values[i][j] - lo) / span));
                    int grey = (int) Math.round(255 * t);
                    g.setColor(new Color(grey, grey, grey));
                    int xa = (int) Math.round(x0 + j * cell);
                    int ya = (int) Math.round(y0 + i * cell);
                    int xb = (int) Math.round(x0 + (j + 1) * cell);
                    int yb = (int) Math.round(y0 + (i + 1) * cell);
                    g.fillRect(xa, ya, Math.max(1, xb - xa), Math.max(1, yb - ya));
                }
            }
            g.setColor(new Color(200, 200, 200));
            g.drawRect((int) Math.round(x0) - 1, (int) Math.round(y0) - 1, (int) Math.round(cell * cols) + 1,
                    (int) Math.round(cell * rows) + 1);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Saves the picture as a PNG file and returns the path. */
    public Path save(Path file) {
        return Style.savePng(image(), file);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MatrixImage(%s, %dx%d, grey %g..%g)", title, values.length,
                values.length == 0 ? 0 : values[0].length, lo, hi);
    }
}
