package org.tablemq.bench;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PNG plots, drawn headless: one bar chart of median throughput per scenario, and one chart of latency percentile
 * curves per scenario that records latency (x axis in "nines", y axis logarithmic).
 */
final class Plots {

    private static final double[] PERCENTILES = {0, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99};

    private Plots() {
    }

    /** Writes the plots into {@code dir} and returns their file names. */
    static List<String> write(Path dir, List<Summary> summaries) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        List<String> files = new ArrayList<>();
        for (Scenario scenario : Scenario.values()) {
            List<Summary> rows = summaries.stream().filter(s -> s.scenario() == scenario && s.hasRate()).toList();
            if (rows.isEmpty()) {
                continue;
            }
            files.add(throughput(dir, scenario, rows));
            List<Summary> withLatency = rows.stream().filter(s -> s.latency() != null).toList();
            if (!withLatency.isEmpty()) {
                files.add(latency(dir, scenario, withLatency));
            }
        }
        return files;
    }

    private static String throughput(Path dir, Scenario scenario, List<Summary> rows) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(480)
                .title(scenario.label() + ": " + scenario.description())
                .yAxisTitle(scenario.unit() + " (median of repeats)").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setDecimalPattern("#,###");
        chart.addSeries(scenario.unit(), rows.stream().map(Summary::system).toList(),
                rows.stream().map(s -> (Number) s.medianRate()).toList());
        String name = "throughput-" + scenario.label().toLowerCase(Locale.ROOT) + ".png";
        BitmapEncoder.saveBitmap(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
        return name;
    }

    private static String latency(Path dir, Scenario scenario, List<Summary> rows) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(480)
                .title(scenario.label() + " latency: " + scenario.latencyOf())
                .xAxisTitle("percentile").yAxisTitle("ms (log scale)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.setCustomXAxisTickLabelsFormatter(Plots::percentileLabel);
        for (Summary s : rows) {
            double[] x = new double[PERCENTILES.length];
            double[] y = new double[PERCENTILES.length];
            for (int i = 0; i < PERCENTILES.length; i++) {
                x[i] = nines(PERCENTILES[i]);
                // a log axis cannot show zero: floor at one microsecond
                y[i] = Math.max(0.001, s.latencyMillis(PERCENTILES[i]));
            }
            chart.addSeries(s.system(), x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        String name = "latency-" + scenario.label().toLowerCase(Locale.ROOT) + ".png";
        BitmapEncoder.saveBitmap(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
        return name;
    }

    /** 0 → 0, 90 → 1, 99 → 2, 99.9 → 3: the usual HdrHistogram percentile axis. */
    private static double nines(double percentile) {
        return Math.log10(100 / (100 - percentile));
    }

    private static String percentileLabel(double nines) {
        double p = 100 - 100 / Math.pow(10, nines);
        return String.format(Locale.ROOT, p >= 99.9 ? "%.2f%%" : "%.1f%%", p);
    }
}
