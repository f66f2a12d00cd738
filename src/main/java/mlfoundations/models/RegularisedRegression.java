package mlfoundations.models;

import java.util.Arrays;

import org.ejml.simple.SimpleMatrix;

/**
 * Regularised linear regression: the cost J of {@link LinearRegression} plus a penalty on the weights (never on the
 * bias), which trades a little training error for smaller, steadier weights. Ridge (L2) in closed form
 * ({@link #fitRidge}, scikit-learn's {@code Ridge}); lasso (L1) by coordinate descent with the soft-threshold
 * ({@link #fitLasso}, scikit-learn's {@code Lasso}). Both return a {@link LinearRegression}.
 */
public final class RegularisedRegression {

    /** Lasso coordinate descent stops when no weight moved more than this (relative to the largest weight). */
    static final double LASSO_TOLERANCE = 1e-12;

    /** Lasso coordinate descent gives up (with an exception) after this many sweeps over the features. */
    static final int LASSO_MAX_SWEEPS = 100_000;

    private RegularisedRegression() {
    }

    /**
     * Ridge regression in closed form: minimises (1/2m) [ sum_i (p_i - y_i)^2 + lambda sum_j W_j^2 ], the bias not
     * penalised. The bias is taken out by centring (Xc = X - column means, yc = y - mean), then
     * W = (Xc^T Xc + lambda I)^-1 Xc^T yc and b = mean(y) - mean(X) . W. This is scikit-learn's
     * {@code Ridge(alpha=lambda)}. Lambda = 0 is ordinary least squares; any lambda > 0 makes the system solvable even
     * when features are duplicated, and shrinks every weight towards 0 without making any exactly 0.
     */
    public static LinearRegression fitRidge(SimpleMatrix x, SimpleMatrix y, double lambda) {
        LinearRegression.checkData(x, y);
        checkLambda(lambda);
        if (lambda == 0) {
            return LinearRegression.fitClosedForm(x, y);
        }
        int m = x.getNumRows();
        int n = x.getNumCols();
        Centred c = centre(x, y);
        // Least squares on [Xc; sqrt(lambda) I] W = [yc; 0] has the same normal equation, (Xc^T Xc + lambda I) W =
        // Xc^T yc, and QR solves it without squaring the condition number.
        SimpleMatrix a = c.x.concatRows(SimpleMatrix.identity(n).scale(Math.sqrt(lambda)));
        SimpleMatrix rhs = c.y.concatRows(new SimpleMatrix(n, 1));
        SimpleMatrix w = a.solve(rhs);
        return new LinearRegression(w, c.yMean - dotMeans(c, w), new double[0], new double[0]);
    }

    /**
     * Lasso regression by coordinate descent: minimises (1/2m) sum_i (p_i - y_i)^2 + lambda sum_j |W_j|, the bias not
     * penalised (scikit-learn's {@code Lasso(alpha=lambda)}). On centred data each sweep sets, for one feature at a
     * time, W_j = S(rho_j, lambda) / z_j with rho_j = (1/m) x_j . (r + x_j W_j), z_j = (1/m) x_j . x_j and the
     * soft-threshold S(rho, lambda) = sign(rho) max(|rho| - lambda, 0). Because S is exactly 0 whenever
     * |rho_j| <= lambda, the lasso sets weights to exactly zero (it selects features); ridge never does. Stops when
     * no weight moves by more than 1e-12 (relative); throws IllegalStateException after 100000 sweeps.
     */
    public static LinearRegression fitLasso(SimpleMatrix x, SimpleMatrix y, double lambda) {
        return fitLasso(x, y, lambda, LASSO_MAX_SWEEPS);
    }

    /** The lasso with another cap on the sweeps (for tests of the non-convergence error). */
    static LinearRegression fitLasso(SimpleMatrix x, SimpleMatrix y, double lambda, int maxSweeps) {
        LinearRegression.checkData(x, y);
        checkLambda(lambda);
        int m = x.getNumRows();
        int n = x.getNumCols();
        Centred c = centre(x, y);
        double[] xv = c.x.getDDRM().getData();
        double[] r = c.y.getDDRM().getData().clone();     // residuals yc - Xc W, with W = 0 at the start
        double[] w = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                z[j] += xv[i * n + j] * xv[i * n + j] / m;
            }
        }
        double[] history = new double[maxSweeps];
        for (int sweep = 0; sweep < maxSweeps; sweep++) {
            double maxChange = 0;
            double maxWeight = 0;
            for (int j = 0; j < n; j++) {
                if (z[j] == 0) {
                    continue;   // a constant column explains nothing: its weight stays 0
                }
                double rho = 0;
                for (int i = 0; i < m; i++) {
                    rho += xv[i * n + j] * r[i];
                }
                rho = rho / m + z[j] * w[j];
                double wNew = softThreshold(rho, lambda) / z[j];
                double delta = wNew - w[j];
                if (delta != 0) {
                    for (int i = 0; i < m; i++) {
                        r[i] -= xv[i * n + j] * delta;
                    }
                    w[j] = wNew;
                }
                maxChange = Math.max(maxChange, Math.abs(delta));
                maxWeight = Math.max(maxWeight, Math.abs(wNew));
            }
            double sumSq = 0;
            for (double ri : r) {
                sumSq += ri * ri;
            }
            double l1 = 0;
            for (double wj : w) {
                l1 += Math.abs(wj);
            }
            history[sweep] = sumSq / (2 * m) + lambda * l1;
            if (maxChange <= LASSO_TOLERANCE * Math.max(1, maxWeight)) {
                SimpleMatrix wm = new SimpleMatrix(n, 1, true, w);
                return new LinearRegression(wm, c.yMean - dotMeans(c, wm), Arrays.copyOf(history, sweep + 1),
                        new double[0]);
            }
        }
        throw new IllegalStateException("lasso coordinate descent did not converge in " + maxSweeps
                + " sweeps (lambda = " + lambda + "); standardise the features or use a larger lambda");
    }

    /** The soft-threshold S(rho, t) = sign(rho) max(|rho| - t, 0): shrinks rho towards 0 by t, and to exactly 0 if |rho| <= t. */
    public static double softThreshold(double rho, double t) {
        LinearRegression.checkFinite("rho", rho);
        checkLambda(t);
        if (rho > t) {
            return rho - t;
        }
        if (rho < -t) {
            return rho + t;
        }
        return 0;
    }

    /** Centred copies of X and y, with the means needed to recover the bias. */
    private record Centred(SimpleMatrix x, SimpleMatrix y, double[] xMean, double yMean) {
    }

    private static Centred centre(SimpleMatrix x, SimpleMatrix y) {
        int m = x.getNumRows();
        int n = x.getNumCols();
        double[] mean = new double[n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                mean[j] += x.get(i, j) / m;
            }
        }
        double yMean = y.elementSum() / m;
        SimpleMatrix xc = new SimpleMatrix(m, n);
        SimpleMatrix yc = new SimpleMatrix(m, 1);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                xc.set(i, j, x.get(i, j) - mean[j]);
            }
            yc.set(i, 0, y.get(i, 0) - yMean);
        }
        return new Centred(xc, yc, mean, yMean);
    }

    private static double dotMeans(Centred c, SimpleMatrix w) {
        double s = 0;
        for (int j = 0; j < c.xMean.length; j++) {
            s += c.xMean[j] * w.get(j, 0);
        }
        return s;
    }

    static void checkLambda(double lambda) {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("regularisation strength lambda must be finite and >= 0, got " + lambda);
        }
    }
}
