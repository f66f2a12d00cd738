package mlfoundations.data;

import org.ejml.simple.SimpleMatrix;

/**
 * Standardisation (z-scores): z_ij = (x_ij - mean_j) / std_j, so every column gets mean 0 and standard deviation 1
 * (scikit-learn's {@code StandardScaler}). The standard deviation is the population one, sqrt((1/m) sum_i (x_ij -
 * mean_j)^2) ({@code np.std}, ddof = 0), as in scikit-learn. A constant column (std 0) gets scale 1, so it becomes all
 * zeros. Usage: {@code StandardScaler s = new StandardScaler(); SimpleMatrix z = s.fitTransform(xTrain);
 * SimpleMatrix zTest = s.transform(xTest);}
 */
public final class StandardScaler extends ColumnScaler {

    /** An unfitted scaler; call {@link #fit} or {@link #fitTransform}. */
    public StandardScaler() {
    }

    /** Learns the columns' statistics from X and returns this scaler, so calls chain. */
    @Override
    public StandardScaler fit(SimpleMatrix x) {
        super.fit(x);
        return this;
    }

    @Override
    double shiftOf(double[] column) {
        return mean(column);
    }

    @Override
    double scaleOf(double[] column) {
        double mu = mean(column);
        double s = 0;
        for (double v : column) {
            s += (v - mu) * (v - mu);
        }
        return Math.sqrt(s / column.length);
    }

    /** The mean of each column learned by fit ({@code scaler.mean_}). */
    public double[] mean() {
        return shift();
    }

    /** The standard deviation of each column learned by fit, 1 for a constant column ({@code scaler.scale_}). */
    public double[] std() {
        return scale();
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
