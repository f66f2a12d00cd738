package mlfoundations.data;

import org.ejml.simple.SimpleMatrix;

/**
 * Min-max scaling: z_ij = (x_ij - min_j) / (max_j - min_j), so every column of the fitted data runs from 0 to 1
 * (scikit-learn's {@code MinMaxScaler()} with its default range (0, 1)). New data outside the fitted range maps
 * outside [0, 1]; one outlier squeezes all other values together. A constant column (max = min) gets scale 1, so it
 * becomes all zeros.
 */
public final class MinMaxScaler extends ColumnScaler {

    /** An unfitted scaler; call {@link #fit} or {@link #fitTransform}. */
    public MinMaxScaler() {
    }

    /** Learns the columns' statistics from X and returns this scaler, so calls chain. */
    @Override
    public MinMaxScaler fit(SimpleMatrix x) {
        super.fit(x);
        return this;
    }

    @Override
    double shiftOf(double[] column) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : column) {
            min = Math.min(min, v);
        }
        return min;
    }

    @Override
    double scaleOf(double[] column) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : column) {
            max = Math.max(max, v);
        }
        return max - shiftOf(column);
    }

    /** The minimum of each column learned by fit ({@code scaler.data_min_}). */
    public double[] min() {
        return shift();
    }

    /** The maximum of each column learned by fit ({@code scaler.data_max_}). */
    public double[] max() {
        double[] lo = shift();
        double[] range = rawScale();     // not scale(): a constant column has scale 1 but range 0
        double[] hi = new double[lo.length];
        for (int j = 0; j < lo.length; j++) {
            hi[j] = lo[j] + range[j];
        }
        return hi;
    }
}
