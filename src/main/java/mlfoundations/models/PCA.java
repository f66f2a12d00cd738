package mlfoundations.models;

import java.util.Arrays;

import org.ejml.simple.SimpleMatrix;

import mlfoundations.linalg.Matrices;
import mlfoundations.linalg.Svd;
import mlfoundations.linalg.SymmetricEigen;
import mlfoundations.metrics.Losses;

/**
 * Principal component analysis: the directions along which centred data varies most, scikit-learn's
 * {@code sklearn.decomposition.PCA} (which uses the SVD route). With X m x n (one sample per row), the column means
 * mu and the centred data Xc = X - mu, the covariance matrix is C = Xc^T Xc / (m - 1); its unit eigenvectors, largest
 * eigenvalue first, are the principal components, and each eigenvalue is the variance of the data along its
 * component.
 *
 * <p>Two routes give the same answer: {@link #fit} eigen-decomposes C ({@link SymmetricEigen}); {@link #fitSvd} takes
 * the SVD Xc = U S V^T ({@link Svd}), whose V holds the same unit vectors and whose singular values give the
 * eigenvalues as sigma_i^2 / (m - 1), because C = V S^2 V^T / (m - 1). Both use the same sign rule (largest-magnitude
 * component of each direction positive), so they agree entry by entry, not just up to sign.
 *
 * <p>Names as in scikit-learn: {@link #components()} is {@code pca.components_.T} (here the components are the
 * columns of an n x r matrix, scikit-learn stores them as rows), {@link #explainedVariance()} is
 * {@code explained_variance_}, {@link #explainedVarianceRatio()} is {@code explained_variance_ratio_}, {@link #mean()}
 * is {@code mean_}. There are r = min(m, n) components.
 */
public final class PCA {

    private final double[] mean;
    private final SimpleMatrix components;
    private final double[] variance;
    private final int fittedRows;

    private PCA(double[] mean, SimpleMatrix components, double[] variance, int fittedRows) {
        this.mean = mean;
        this.components = components;
        this.variance = variance;
        this.fittedRows = fittedRows;
    }

    /**
     * Fits by eigen-decomposing the covariance matrix C = Xc^T Xc / (m - 1) ({@code np.linalg.eigh(np.cov(X.T))}).
     * X must have at least 2 rows and only finite values.
     */
    public static PCA fit(SimpleMatrix x) {
        double[] mu = checkData(x);
        SymmetricEigen eig = SymmetricEigen.of(covariance(x));
        int r = Math.min(x.getNumRows(), x.getNumCols());
        double[] values = Arrays.copyOf(eig.values(), r);
        for (int i = 0; i < r; i++) {
            // C is positive semidefinite; a tiny negative eigenvalue is round-off in a direction without variance.
            values[i] = Math.max(0, values[i]);
        }
        SimpleMatrix v = eig.vectors().extractMatrix(0, x.getNumCols(), 0, r);
        return new PCA(mu, v, values, x.getNumRows());
    }

    /**
     * Fits by the SVD of the centred data Xc = U S V^T: the components are the columns of V and the explained
     * variances sigma_i^2 / (m - 1) ({@code U, s, Vt = np.linalg.svd(Xc, full_matrices=False)}), never forming C.
     */
    public static PCA fitSvd(SimpleMatrix x) {
        double[] mu = checkData(x);
        int m = x.getNumRows();
        Svd svd = Svd.of(centre(x, mu));
        double[] s = svd.singularValues();
        double[] values = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            values[i] = s[i] * s[i] / (m - 1);
        }
        return new PCA(mu, svd.v(), values, m);
    }

    /**
     * The sample covariance matrix C = Xc^T Xc / (m - 1) of the columns of X, with Xc = X minus its column means
     * ({@code np.cov(X, rowvar=False)}): n x n, C_jj the variance of feature j, C_jk the covariance of j and k.
     */
    public static SimpleMatrix covariance(SimpleMatrix x) {
        double[] mu = checkData(x);
        SimpleMatrix xc = centre(x, mu);
        SimpleMatrix c = xc.transpose().mult(xc).divide(x.getNumRows() - 1);
        // Xc^T Xc is symmetric in exact arithmetic; make it symmetric to the last bit.
        return c.plus(c.transpose()).divide(2);
    }

    /** The column means mu of the data PCA was fitted on ({@code pca.mean_}; a copy). */
    public double[] mean() {
        return mean.clone();
    }

    /** All r = min(m, n) principal components as the columns of an n x r matrix, largest variance first (a copy). */
    public SimpleMatrix components() {
        return components.copy();
    }

    /** The first k principal components as the columns of an n x k matrix V_k ({@code pca.components_[:k].T}). */
    public SimpleMatrix components(int k) {
        checkK(k);
        return components.extractMatrix(0, components.getNumRows(), 0, k);
    }

    /** Component i (0 = the direction of largest variance) as a unit vector of length n. */
    public double[] component(int i) {
        if (i < 0 || i >= variance.length) {
            throw new IllegalArgumentException("component index " + i + " is out of range: this PCA has components 0 to "
                    + (variance.length - 1));
        }
        return Matrices.column(components, i);
    }

    /** How many components there are: r = min(m, n) of the fitted data. */
    public int numComponents() {
        return variance.length;
    }

    /** The number of features n the PCA was fitted on. */
    public int numFeatures() {
        return mean.length;
    }

    /**
     * The variance of the data along each component, lambda_1 >= lambda_2 >= ... (the eigenvalues of C;
     * {@code pca.explained_variance_}; a copy).
     */
    public double[] explainedVariance() {
        return variance.clone();
    }

    /**
     * The share of the total variance along each component, lambda_i / sum_j lambda_j; the shares add up to 1
     * ({@code pca.explained_variance_ratio_}).
     */
    public double[] explainedVarianceRatio() {
        double total = 0;
        for (double v : variance) {
            total += v;
        }
        if (total == 0) {
            throw new IllegalStateException("the fitted data has no variance at all (every row is the same), so the "
                    + "explained-variance ratios 0 / 0 are undefined");
        }
        double[] ratio = new double[variance.length];
        for (int i = 0; i < ratio.length; i++) {
            ratio[i] = variance[i] / total;
        }
        return ratio;
    }

    /** The running total of {@link #explainedVarianceRatio()}: entry k-1 is the share kept by the first k components ({@code np.cumsum}). */
    public double[] cumulativeExplainedVarianceRatio() {
        double[] ratio = explainedVarianceRatio();
        for (int i = 1; i < ratio.length; i++) {
            ratio[i] += ratio[i - 1];
        }
        return ratio;
    }

    /**
     * The coordinates of the samples along the first k components, Z = (X - mu) V_k, m x k
     * ({@code PCA(n_components=k).fit(X).transform(X)}). X needs the fitted number of columns.
     */
    public SimpleMatrix transform(SimpleMatrix x, int k) {
        checkK(k);
        checkSameFeatures(x);
        return centre(x, mean).mult(components(k));
    }

    /**
     * Back from k coordinates to the n features: X_hat = Z V_k^T + mu, m x n, with k the number of columns of Z
     * ({@code pca.inverse_transform(Z)}). With all components this undoes {@link #transform} exactly; with fewer it
     * gives the closest point in the k-dimensional subspace (the projection).
     */
    public SimpleMatrix inverseTransform(SimpleMatrix z) {
        if (z == null) {
            throw new IllegalArgumentException("cannot inverse-transform null coordinates");
        }
        int k = z.getNumCols();
        if (k < 1 || k > variance.length) {
            throw new IllegalArgumentException("Z is " + Matrices.shape(z) + " but this PCA has " + variance.length
                    + " components, so Z must have between 1 and " + variance.length + " columns (one per component)");
        }
        checkFinite("Z", z);
        SimpleMatrix xHat = z.mult(components(k).transpose());
        for (int i = 0; i < xHat.getNumRows(); i++) {
            for (int j = 0; j < xHat.getNumCols(); j++) {
                xHat.set(i, j, xHat.get(i, j) + mean[j]);
            }
        }
        return xHat;
    }

    /**
     * The mean squared error of reconstructing X from k components, (1/(m n)) sum_ij (x_ij - x_hat_ij)^2 with
     * X_hat = inverseTransform(transform(X, k)) ({@code np.mean((X - X_hat)**2)}). On the fitted data it equals
     * (m - 1) / (m n) times the sum of the dropped eigenvalues lambda_{k+1} + ... + lambda_n.
     */
    public double reconstructionError(SimpleMatrix x, int k) {
        SimpleMatrix xHat = inverseTransform(transform(x, k));
        return Losses.mse(x, xHat);
    }

    /** The column means of X. */
    private static double[] columnMeans(SimpleMatrix x) {
        int m = x.getNumRows();
        double[] mu = new double[x.getNumCols()];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < mu.length; j++) {
                mu[j] += x.get(i, j);
            }
        }
        for (int j = 0; j < mu.length; j++) {
            mu[j] /= m;
        }
        return mu;
    }

    /** X - mu, row by row (NumPy's broadcast {@code X - mu}). */
    private static SimpleMatrix centre(SimpleMatrix x, double[] mu) {
        SimpleMatrix xc = new SimpleMatrix(x.getNumRows(), x.getNumCols());
        for (int i = 0; i < x.getNumRows(); i++) {
            for (int j = 0; j < x.getNumCols(); j++) {
                xc.set(i, j, x.get(i, j) - mu[j]);
            }
        }
        return xc;
    }

    /** Checks X (not null, finite, at least 2 rows, at least 1 column) and returns its column means. */
    private static double[] checkData(SimpleMatrix x) {
        if (x == null) {
            throw new IllegalArgumentException("cannot fit PCA to null data");
        }
        if (x.getNumCols() == 0) {
            throw new IllegalArgumentException("PCA needs at least 1 feature, got X of shape " + Matrices.shape(x));
        }
        if (x.getNumRows() < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 samples (the covariance divides by m - 1), got m = "
                    + x.getNumRows() + " (X is " + Matrices.shape(x) + ")");
        }
        checkFinite("X", x);
        return columnMeans(x);
    }

    private static void checkFinite(String name, SimpleMatrix a) {
        for (int i = 0; i < a.getNumRows(); i++) {
            for (int j = 0; j < a.getNumCols(); j++) {
                if (!Double.isFinite(a.get(i, j))) {
                    throw new IllegalArgumentException(name + " has a non-finite value " + a.get(i, j) + " at row " + i
                            + ", column " + j);
                }
            }
        }
    }

    private void checkK(int k) {
        if (k < 1 || k > variance.length) {
            throw new IllegalArgumentException("number of components k must be between 1 and " + variance.length
                    + " for this PCA, got " + k);
        }
    }

    private void checkSameFeatures(SimpleMatrix x) {
        if (x == null) {
            throw new IllegalArgumentException("cannot transform null data");
        }
        if (x.getNumCols() != mean.length) {
            throw new IllegalArgumentException("PCA was fitted on data of shape " + fittedRows + "x" + mean.length
                    + " (" + mean.length + " features) but got X of shape " + Matrices.shape(x)
                    + "; the number of columns must match");
        }
        checkFinite("X", x);
    }
}
