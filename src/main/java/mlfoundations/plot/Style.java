package mlfoundations.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/** The course's look for every chart (sizes, fonts, colours), and turning a chart into an image or a PNG file. */
public final class Style {

    /** Default chart width in pixels: readable inline in JupyterLab and in the HTML export. */
    public static final int WIDTH = 640;
    /** Default chart height in pixels. */
    public static final int HEIGHT = 420;

    /** Series colours, chosen to stay distinct for colour-blind readers (Okabe-Ito palette). */
    public static final Color[] PALETTE = {
        new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115), new Color(213, 94, 0),
        new Color(204, 121, 167), new Color(86, 180, 233), new Color(240, 228, 66), new Color(0, 0, 0)
    };

    /** How tick labels print numbers on every axis: thousands separated, at most four decimals ("1,000", "0.25"). */
    public static final String DECIMAL_PATTERN = "#,##0.####";

    private Style() {
    }

    /**
     * The course's look as one XChart styler: XChart's defaults (tick spacing, padding, grid lines, tick marks) with
     * {@link #apply} on top. The charts drawn in Java2D ({@link Arrows}, {@link Surface}) read their fonts, colours,
     * strokes and spacings from it, so they match the XChart charts.
     */
    static XYStyler look() {
        XYStyler styler = new XYStyler();
        apply(styler);
        return styler;
    }

    /** Applies the course's fonts and colours to any XChart styler. */
    public static void apply(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(new Color(200, 200, 200));
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendBorderColor(new Color(220, 220, 220));
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setSeriesColors(PALETTE);
        styler.setAntiAlias(true);
        if (styler instanceof AxesChartStyler axes) {
            axes.setYAxisDecimalPattern(DECIMAL_PATTERN);
            if (axes instanceof XYStyler) {
                axes.setXAxisDecimalPattern(DECIMAL_PATTERN);
            }
            axes.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            axes.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        }
    }

    /** Renders any XChart chart to an image (what a Java kernel shows inline). */
    public static BufferedImage toImage(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** Checks a requested image size, naming the bad value. */
    static void checkSize(int width, int height) {
        if (width < 50 || height < 50 || width > 10_000 || height > 10_000) {
            throw new IllegalArgumentException(
                    "chart size must be between 50 and 10000 pixels each way, got " + width + "x" + height);
        }
    }

    /** Saves an image as a PNG file (creating missing folders) and returns the path. */
    public static Path savePng(BufferedImage image, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IllegalStateException("no PNG writer available in this JVM");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
