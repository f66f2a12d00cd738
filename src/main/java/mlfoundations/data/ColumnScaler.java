package mlfoundations.data;

import java.util.Arrays;

import org.ejml.simple.SimpleMatrix;

import mlfoundations.linalg.Matrices;

/**
 * A per-column affine rescaling z_ij = (x_ij - shift_j) / scale_j, learned from data by {@link #fit} and then applied
 * to any data with the same columns: the common part of {@link StandardScaler} (shift = mean, scale = standard
 * deviation) and {@link MinMaxScaler} (shift = min, scale = max - min). Like scikit-learn's scalers, fit on the
 * training data only and use the same fitted scaler on the test data. A constant column (all values equal, so its
 * scale would be 0) gets scale 1, so it becomes all zeros instead of NaN, and the inverse still restores it.
 */
public abstract class ColumnScaler {

    private double[] shift;
    private double[] scale;
    private double[] rawScale;

    /** Subclasses say how to compute shift and scale of one column; scale may be 0 (it is then replaced by 1). */
    ColumnScaler() {
    }

    /** The shift of column j computed from its values. */
    abstract double shiftOf(double[] column);

    /** The (unprotected) scale of column j computed from its values. */
    abstract double scaleOf(double[] column);

    /** Learns the shift and scale of every column of X (m x n, one example per row); returns this scaler ({@code scaler.fit(X)}). */
    public ColumnScaler fit(SimpleMatrix x) {
        if (x == null) {
            throw new IllegalArgumentException("cannot fit a scaler to null data");
        }
        if (x.getNumRows() == 0 || x.getNumCols() == 0) {
            throw new IllegalArgumentException("cannot fit a scaler to empty data of shape " + Matrices.shape(x));
        }
        int n = x.getNumCols();
        double[] sh = new double[n];
        double[] sc = new double[n];
        double[] raw = new double[n];
        for (int j = 0; j < n; j++) {
            double[] col = ToyData.column(x, j);
            for (int i = 0; i < col.length; i++) {
                if (!Double.isFinite(col[i])) {
                    throw new IllegalArgumentException("X has a non-finite value " + col[i] + " at row " + i
                            + ", column " + j);
                }
            }
            sh[j] = shiftOf(col);
            boolean constant = true;
            for (double v : col) {
                constant &= v == col[0];
            }
            // Decided by equality, not by the computed spread: the mean of identical values can be off by one
            // rounding step, which would give a tiny non-zero standard deviation and blow the column up.
            raw[j] = constant ? 0 : scaleOf(col);
            sc[j] = raw[j] > 0 ? raw[j] : 1.0;
        }
        shift = sh;
        scale = sc;
        rawScale = raw;
        return this;
    }

    /** Z = (X - shift) / scale column by column ({@code scaler.transform(X)}); X must have the fitted number of columns. */
    public SimpleMatrix transform(SimpleMatrix x) {
        checkFittedShape(x);
        SimpleMatrix z = new SimpleMatrix(x.getNumRows(), x.getNumCols());
        for (int i = 0; i < x.getNumRows(); i++) {
            for (int j = 0; j < x.getNumCols(); j++) {
                z.set(i, j, (x.get(i, j) - shift[j]) / scale[j]);
            }
        }
        return z;
    }

    /** X = Z * scale + shift column by column, undoing {@link #transform} ({@code scaler.inverse_transform(Z)}). */
    public SimpleMatrix inverseTransform(SimpleMatrix z) {
        checkFittedShape(z);
        SimpleMatrix x = new SimpleMatrix(z.getNumRows(), z.getNumCols());
        for (int i = 0; i < z.getNumRows(); i++) {
            for (int j = 0; j < z.getNumCols(); j++) {
                x.set(i, j, z.get(i, j) * scale[j] + shift[j]);
            }
        }
        return x;
    }

    /** Fits to X and returns X transformed ({@code scaler.fit_transform(X)}). */
    public SimpleMatrix fitTransform(SimpleMatrix x) {
        return fit(x).transform(x);
    }

    /** The learned shift of each column (a copy). */
    public double[] shift() {
        checkFitted();
        return Arrays.copyOf(shift, shift.length);
    }

    /** The learned scale of each column, 1 for a constant column (a copy; scikit-learn's {@code scale_}). */
    public double[] scale() {
        checkFitted();
        return Arrays.copyOf(scale, scale.length);
    }

    /** The scale of each column before the constant-column rule (0 for a constant column). */
    double[] rawScale() {
        checkFitted();
        return Arrays.copyOf(rawScale, rawScale.length);
    }

    private void checkFitted() {
        if (shift == null) {
            throw new IllegalStateException("this scaler has not been fitted yet; call fit(X) or fitTransform(X) first");
        }
    }

    private void checkFittedShape(SimpleMatrix x) {
        checkFitted();
        if (x == null) {
            throw new IllegalArgumentException("cannot transform null data");
        }
        if (x.getNumCols() != shift.length) {
            throw new IllegalArgumentException("the scaler was fitted on " + shift.length + " columns but got data of shape "
                    + Matrices.shape(x));
        }
    }
}
