package nl.mvoscan.report.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/**
 * The charts of the reports, built with JFreeChart in the embedded font. Values are drawn exactly
 * as given (already rounded figures), labels use the report's decimal separator.
 */
final class Charts {

  static final Color SCORE = new Color(0x00, 0x89, 0x7B);
  static final Color CLASS = new Color(0xB0, 0xBE, 0xC5);
  static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
  static final Color MARKER = new Color(0x8D, 0x6E, 0x63);

  private Charts() {}

  /** One bar per theme (a gap where there is no score), next to the class average when known. */
  record ThemeBar(String title, BigDecimal score, BigDecimal classAverage) {}

  /** Level thresholds drawn as dashed lines across the bars. */
  record Threshold(String label, BigDecimal min) {}

  static JFreeChart themeBars(
      List<ThemeBar> bars,
      String scoreLabel,
      String classLabel,
      List<Threshold> thresholds,
      String language) {
    boolean withClass = classLabel != null;
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (ThemeBar bar : bars) {
      dataset.addValue(bar.score(), scoreLabel, Fonts.printable(bar.title()));
      if (withClass) {
        dataset.addValue(bar.classAverage(), classLabel, Fonts.printable(bar.title()));
      }
    }
    CategoryPlot plot =
        new CategoryPlot(dataset, new CategoryAxis(), scoreAxis(), new BarRenderer());
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    JFreeChart chart = new JFreeChart(null, Fonts.get().awt(9, false), plot, withClass);
    theme().apply(chart);
    style(plot);
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setSeriesPaint(0, SCORE);
    renderer.setSeriesPaint(1, CLASS);
    renderer.setItemMargin(0.05);
    renderer.setMaximumBarWidth(0.3);
    renderer.setDefaultItemLabelGenerator(
        new StandardCategoryItemLabelGenerator("{2}", number(language)));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(Fonts.get().awt(8, false));
    renderer.setDefaultItemLabelPaint(PdfDoc.INK);
    renderer.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    renderer.setItemLabelInsets(new RectangleInsets(3, 3, 3, 3));
    CategoryAxis categories = plot.getDomainAxis();
    categories.setMaximumCategoryLabelWidthRatio(0.32f);
    categories.setMaximumCategoryLabelLines(2);
    categories.setCategoryMargin(0.25);
    for (Threshold threshold : thresholds) {
      ValueMarker marker = new ValueMarker(threshold.min().doubleValue());
      marker.setPaint(MARKER);
      marker.setStroke(
          new BasicStroke(
              0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {3, 3}, 0));
      marker.setLabel(threshold.label());
      marker.setLabelFont(Fonts.get().awt(7.5f, false));
      marker.setLabelPaint(MARKER);
      marker.setLabelBackgroundColor(Color.WHITE);
      marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
      marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      marker.setLabelOffset(new RectangleInsets(1, 2, 1, 2));
      plot.addRangeMarker(marker);
    }
    legend(chart);
    return chart;
  }

  /**
   * Five figures per theme: the box from Q1 to Q3 with the median, whiskers from min to max, a dot
   * for the mean.
   */
  record Box(
      String title, double min, double q1, double median, double q3, double max, double mean) {}

  static JFreeChart boxes(List<Box> boxes, String seriesLabel) {
    DefaultBoxAndWhiskerCategoryDataset dataset = new DefaultBoxAndWhiskerCategoryDataset();
    for (Box box : boxes) {
      dataset.add(
          new BoxAndWhiskerItem(
              box.mean(),
              box.median(),
              box.q1(),
              box.q3(),
              box.min(),
              box.max(),
              box.min(),
              box.max(),
              List.of()),
          seriesLabel,
          Fonts.printable(box.title()));
    }
    BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
    CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis(), scoreAxis(), renderer);
    JFreeChart chart = new JFreeChart(null, Fonts.get().awt(9, false), plot, false);
    theme().apply(chart);
    style(plot);
    renderer.setSeriesPaint(0, new Color(0xB2, 0xDF, 0xDB));
    renderer.setSeriesOutlinePaint(0, SCORE);
    renderer.setUseOutlinePaintForWhiskers(true);
    renderer.setDefaultOutlinePaint(SCORE);
    renderer.setArtifactPaint(PdfDoc.INK);
    renderer.setFillBox(true);
    renderer.setMeanVisible(false);
    renderer.setMedianVisible(true);
    renderer.setMaxOutlierVisible(false);
    renderer.setMinOutlierVisible(false);
    renderer.setMaximumBarWidth(0.09);
    renderer.setWhiskerWidth(0.6);
    // the mean as a small dot of its own: the renderer's mean circle grows with the box width
    DefaultCategoryDataset means = new DefaultCategoryDataset();
    boxes.forEach(box -> means.addValue(box.mean(), seriesLabel, Fonts.printable(box.title())));
    LineAndShapeRenderer dots = new LineAndShapeRenderer(false, true);
    dots.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
    dots.setSeriesPaint(0, PdfDoc.INK);
    plot.setDataset(1, means);
    plot.setRenderer(1, dots);
    plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
    CategoryAxis categories = plot.getDomainAxis();
    categories.setMaximumCategoryLabelLines(3);
    categories.setCategoryMargin(0.2);
    return chart;
  }

  /** How many responses reached each level (and how many have no overall score). */
  static JFreeChart counts(List<String> labels, List<Integer> counts, String seriesLabel) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (int i = 0; i < labels.size(); i++) {
      dataset.addValue(counts.get(i), seriesLabel, Fonts.printable(labels.get(i)));
    }
    NumberAxis axis = new NumberAxis();
    axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
    int max = counts.stream().mapToInt(Integer::intValue).max().orElse(1);
    axis.setRange(0, Math.max(1, max) * 1.2);
    CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis(), axis, new BarRenderer());
    JFreeChart chart = new JFreeChart(null, Fonts.get().awt(9, false), plot, false);
    theme().apply(chart);
    style(plot);
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setSeriesPaint(0, SCORE);
    renderer.setMaximumBarWidth(0.14);
    renderer.setDefaultItemLabelGenerator(
        new StandardCategoryItemLabelGenerator(
            "{2}", NumberFormat.getIntegerInstance(Locale.ROOT)));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(Fonts.get().awt(8.5f, true));
    renderer.setDefaultItemLabelPaint(PdfDoc.INK);
    renderer.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
    return chart;
  }

  private static NumberAxis scoreAxis() {
    NumberAxis axis = new NumberAxis();
    axis.setRange(0, 108);
    axis.setTickUnit(new NumberTickUnit(20, NumberFormat.getIntegerInstance(Locale.ROOT)));
    return axis;
  }

  private static StandardChartTheme theme() {
    Fonts fonts = Fonts.get();
    StandardChartTheme theme = new StandardChartTheme("mvoscan", false);
    theme.setExtraLargeFont(fonts.awt(12, true));
    theme.setLargeFont(fonts.awt(9.5f, true));
    theme.setRegularFont(fonts.awt(8.5f, false));
    theme.setSmallFont(fonts.awt(8, false));
    theme.setBarPainter(new StandardBarPainter());
    theme.setShadowVisible(false);
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setPlotOutlinePaint(GRID);
    theme.setRangeGridlinePaint(GRID);
    theme.setDomainGridlinePaint(GRID);
    theme.setAxisLabelPaint(PdfDoc.INK);
    theme.setTickLabelPaint(PdfDoc.INK);
    theme.setLegendBackgroundPaint(Color.WHITE);
    theme.setLegendItemPaint(PdfDoc.INK);
    theme.setItemLabelPaint(PdfDoc.INK);
    return theme;
  }

  private static void style(CategoryPlot plot) {
    plot.setOutlineVisible(false);
    plot.setRangeGridlinesVisible(true);
    plot.setRangeGridlineStroke(new BasicStroke(0.5f));
    plot.setDomainGridlinesVisible(false);
    plot.setAxisOffset(new RectangleInsets(2, 2, 2, 2));
    plot.getRangeAxis().setAxisLineVisible(false);
    plot.getDomainAxis().setAxisLinePaint(GRID);
    plot.getDomainAxis().setTickMarksVisible(false);
  }

  private static void legend(JFreeChart chart) {
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setPosition(RectangleEdge.BOTTOM);
      legend.setFrame(BlockBorder.NONE);
      legend.setItemFont(Fonts.get().awt(8.5f, false));
    }
  }

  /** One decimal with the report's separator, independent of the platform locale. */
  static NumberFormat number(String language) {
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
    symbols.setDecimalSeparator("nl".equals(language) ? ',' : '.');
    DecimalFormat format = new DecimalFormat("0.0", symbols);
    format.setRoundingMode(java.math.RoundingMode.HALF_UP);
    return format;
  }
}
