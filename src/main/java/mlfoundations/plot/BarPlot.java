package mlfoundations.plot;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A bar chart over named categories, with optional lines drawn over the bars (for example the exact
 * probabilities over a simulated histogram). The counterpart of {@code plt.bar} plus {@code plt.plot}.
 */
public final class BarPlot {

    private final CategoryChart chart;
    private final List<String> categories;

    BarPlot(String title, String xLabel, String yLabel, String[] categories, int width, int height) {
        Style.checkSize(width, height);
        if (categories == null || categories.length == 0) {
            throw new IllegalArgumentException("a bar chart needs at least one category");
        }
        this.categories = List.of(categories);
        chart = new CategoryChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        Style.apply(chart.getStyler());
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setAvailableSpaceFill(0.9);
        chart.getStyler().setLegendVisible(false);
        // XChart thins category labels on its own; keep every label while there are few enough to read.
        if (categories.length <= 30) {
            chart.getStyler().setXAxisMaxLabelCount(categories.length);
        }
    }

    /** One bar per category, of height {@code values[i]}. */
    public BarPlot bars(String name, double[] values) {
        CategorySeries s = add(name, values);
        s.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Bar);
        return this;
    }

    /** A line with markers over the categories, drawn on top of the bars. */
    public BarPlot line(String name, double[] values) {
        CategorySeries s = add(name, values);
        s.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setLineWidth(2.5f);
        return this;
    }

    /** Logarithmic y axis (all values must be > 0). */
    public BarPlot logY() {
        chart.getStyler().setYAxisLogarithmic(true);
        return this;
    }

    /** The underlying XChart chart, for any styling this class does not offer. */
    public CategoryChart chart() {
        return chart;
    }

    /** Draws the chart; end a notebook cell with this to show it inline. */
    public BufferedImage image() {
        if (chart.getSeriesCollection().isEmpty()) {
            throw new IllegalStateException("the chart '" + chart.getTitle() + "' has no data; add bars first");
        }
        chart.getStyler().setLegendVisible(chart.getSeriesCollection().size() > 1);
        return Style.toImage(chart);
    }

    /** Draws the chart and saves it as a PNG file. */
    public Path save(Path file) {
        return Style.savePng(image(), file);
    }

    private CategorySeries add(String name, double[] values) {
        if (values == null || values.length != categories.size()) {
            throw new IllegalArgumentException("series '" + name + "' has " + (values == null ? 0 : values.length)
                    + " values but the chart has " + categories.size() + " categories; give one value per category");
        }
        if ((chart.getSeries(name) != null)) {
            throw new IllegalArgumentException("the chart already has a series named '" + name + "'; use another name");
        }
        List<Double> ys = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("series '" + name + "' has a non-finite value at category '"
                        + categories.get(i) + "': " + values[i]);
            }
            ys.add(values[i]);
        }
        return chart.addSeries(name, categories, ys);
    }
}
