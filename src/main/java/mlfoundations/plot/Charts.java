package mlfoundations.plot;

import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Where every chart starts: line and scatter plots, bar charts and histograms, drawn with XChart and returned as
 * images a Java notebook shows inline. Charts are {@value Style#WIDTH}x{@value Style#HEIGHT} pixels unless a size
 * is given.
 */
public final class Charts {

    private Charts() {
    }

    /** A line/scatter chart with a title and axis labels ({@code plt.figure(); plt.title(...); ...}). */
    public static XYPlot xy(String title, String xLabel, String yLabel) {
        return new XYPlot(title, xLabel, yLabel, Style.WIDTH, Style.HEIGHT);
    }

    /** A line/scatter chart of the given size in pixels. */
    public static XYPlot xy(String title, String xLabel, String yLabel, int width, int height) {
        return new XYPlot(title, xLabel, yLabel, width, height);
    }

    /** A bar chart with one bar slot per category label ({@code plt.bar(categories, ...)}). */
    public static BarPlot bars(String title, String xLabel, String yLabel, String... categories) {
        return new BarPlot(title, xLabel, yLabel, categories, Style.WIDTH, Style.HEIGHT);
    }

    /** A bar chart whose categories are numbers, printed with {@code decimals} decimals. */
    public static BarPlot bars(String title, String xLabel, String yLabel, double[] categories, int decimals) {
        return bars(title, xLabel, yLabel, labels(categories, decimals));
    }

    /**
     * A histogram of {@code data} in {@code bins} equal bins spanning [low, high] ({@code plt.hist(data, bins)});
     * values outside the range are left out. Bars are labelled by bin centre.
     */
    public static BufferedImage histogram(String title, String xLabel, double[] data, int bins, double low, double high) {
        double[] counts = binCounts(data, bins, low, high);
        double width = (high - low) / bins;
        double[] centres = new double[bins];
        for (int b = 0; b < bins; b++) {
            centres[b] = low + (b + 0.5) * width;
        }
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(width)) + 1);
        return bars(title, xLabel, "count", centres, decimals).bars("count", counts).image();
    }

    /** How many values of {@code data} fall in each of {@code bins} equal bins over [low, high]. */
    public static double[] binCounts(double[] data, int bins, double low, double high) {
        if (bins <= 0) {
            throw new IllegalArgumentException("number of bins must be > 0, got " + bins);
        }
        if (!(low < high)) {
            throw new IllegalArgumentException("histogram range needs low < high, got [" + low + ", " + high + "]");
        }
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException("cannot draw a histogram of no data");
        }
        double[] counts = new double[bins];
        double width = (high - low) / bins;
        for (double v : data) {
            if (v < low || v > high || Double.isNaN(v)) {
                continue;
            }
            int b = (int) ((v - low) / width);
            counts[Math.min(b, bins - 1)]++;
        }
        return counts;
    }

    /** Numbers as category labels with a fixed number of decimals. */
    public static String[] labels(double[] values, int decimals) {
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must be >= 0, got " + decimals);
        }
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = String.format(Locale.ROOT, "%." + decimals + "f", values[i]);
        }
        return out;
    }
}
