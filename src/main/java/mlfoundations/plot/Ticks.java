package mlfoundations.plot;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Where the tick marks go on the axes the course draws itself, by the same rule XChart uses for the other charts, so
 * every figure has ticks of the same density and kind: a step of 1, 2 or 5 times a power of ten, about one tick per
 * "spacing hint" pixels (XChart's default hints: 74 pixels along x, 44 along y), labels in the pattern "#,##0.####".
 */
final class Ticks {

    private Ticks() {
    }

    /**
     * The tick step for an axis showing {@code unitsPerPixel} data units per pixel with ticks about {@code spacing}
     * pixels apart: the rough step {@code unitsPerPixel * spacing} written as s * 10^k (1 <= s < 10), with s rounded
     * to 1, 2, 5 or 10 at the midpoints 1.5, 3.5 and 7.5 (XChart's thresholds).
     */
    static double step(double unitsPerPixel, int spacing) {
        double rough = unitsPerPixel * spacing;
        if (!(rough > 0) || !Double.isFinite(rough)) {
            throw new IllegalArgumentException("tick spacing needs a positive, finite scale, got " + rough);
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double s = rough / power;
        double m = s > 7.5 ? 10 : s > 3.5 ? 5 : s > 1.5 ? 2 : 1;
        return m * power;
    }

    /** The multiples of {@code step} in [lo, hi] (a hair of slack at each end for round-off), lowest first. */
    static double[] over(double lo, double hi, double step) {
        // Counting with an integer k, each tick is k * step: rounding cannot pile up along the axis.
        long first = (long) Math.ceil(lo / step - 1e-9);
        long last = (long) Math.floor(hi / step + 1e-9);
        int n = (int) Math.max(0, last - first + 1);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = (first + i) * step;
        }
        return out;
    }

    /** A tick value as its label: "#,##0.####", as on the XChart axes ("1,000", "0.25"), never "-0". */
    static String label(double t) {
        String s = new DecimalFormat(Style.DECIMAL_PATTERN, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(t);
        return s.equals("-0") ? "0" : s;
    }
}
