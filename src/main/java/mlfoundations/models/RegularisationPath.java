package mlfoundations.models;

import java.util.Arrays;

import org.ejml.simple.SimpleMatrix;

/**
 * The coefficient path of a regularised linear regression: for each strength lambda in a list, fit ridge
 * ({@link RegularisedRegression#fitRidge}) or lasso ({@link RegularisedRegression#fitLasso}) to the same data and keep the
 * weights, so that each weight can be drawn as a curve over lambda (scikit-learn's {@code lasso_path} /
 * {@code Ridge(alpha)} in a loop). Each fit is independent: the path is exactly what the single fits give.
 */
public final class RegularisationPath {

    /** Which penalty the path uses. */
    public enum Penalty {
        /** L2: (lambda / 2m) sum_j W_j^2 added to the cost J. */
        RIDGE,
        /** L1: lambda sum_j |W_j| added to the cost J. */
        LASSO
    }

    private final Penalty penalty;
    private final double[] lambdas;
    private final double[][] weights;   // weights[i][j]: feature j at lambdas[i]
    private final double[] biases;

    private RegularisationPath(Penalty penalty, double[] lambdas, double[][] weights, double[] biases) {
        this.penalty = penalty;
        this.lambdas = lambdas;
        this.weights = weights;
        this.biases = biases;
    }

    /** Ridge fitted at every lambda (each >= 0), in the order given. */
    public static RegularisationPath ridge(SimpleMatrix x, SimpleMatrix y, double... lambdas) {
        return of(Penalty.RIDGE, x, y, lambdas);
    }

    /** Lasso fitted at every lambda (each >= 0), in the order given. */
    public static RegularisationPath lasso(SimpleMatrix x, SimpleMatrix y, double... lambdas) {
        return of(Penalty.LASSO, x, y, lambdas);
    }

    /** The path for the given penalty; X is m x n, y is m x 1, and there must be at least one lambda. */
    public static RegularisationPath of(Penalty penalty, SimpleMatrix x, SimpleMatrix y, double... lambdas) {
        if (penalty == null) {
            throw new IllegalArgumentException("choose a penalty, RIDGE or LASSO");
        }
        if (lambdas == null || lambdas.length == 0) {
            throw new IllegalArgumentException("a regularisation path needs at least one lambda");
        }
        double[][] w = new double[lambdas.length][];
        double[] b = new double[lambdas.length];
        for (int i = 0; i < lambdas.length; i++) {
            LinearRegression model = penalty == Penalty.RIDGE
                    ? RegularisedRegression.fitRidge(x, y, lambdas[i])
                    : RegularisedRegression.fitLasso(x, y, lambdas[i]);
            w[i] = model.weights().getDDRM().getData().clone();
            b[i] = model.bias();
        }
        return new RegularisationPath(penalty, lambdas.clone(), w, b);
    }

    /** The penalty of this path. */
    public Penalty penalty() {
        return penalty;
    }

    /** The lambdas, in the order given (a copy). */
    public double[] lambdas() {
        return lambdas.clone();
    }

    /** How many features (weights) each fit has. */
    public int numFeatures() {
        return weights[0].length;
    }

    /** The path of feature j: its weight at each lambda, one value per lambda ({@code coefs[j, :]} in lasso_path). */
    public double[] coefficient(int j) {
        if (j < 0 || j >= numFeatures()) {
            throw new IllegalArgumentException("feature index " + j + " is out of range: the path has features 0 to "
                    + (numFeatures() - 1));
        }
        double[] path = new double[lambdas.length];
        for (int i = 0; i < lambdas.length; i++) {
            path[i] = weights[i][j];
        }
        return path;
    }

    /** All weights fitted at the i-th lambda (a copy). */
    public double[] weightsAt(int i) {
        checkIndex(i);
        return weights[i].clone();
    }

    /** The bias fitted at the i-th lambda (never penalised). */
    public double biasAt(int i) {
        checkIndex(i);
        return biases[i];
    }

    /** For each lambda, how many weights are exactly 0.0 (not merely small): the lasso's feature selection. */
    public int[] zeroCounts() {
        int[] zeros = new int[lambdas.length];
        for (int i = 0; i < lambdas.length; i++) {
            for (double wj : weights[i]) {
                if (wj == 0.0) {
                    zeros[i]++;
                }
            }
        }
        return zeros;
    }

    @Override
    public String toString() {
        return penalty + " path over lambdas " + Arrays.toString(lambdas) + " with " + numFeatures() + " features";
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= lambdas.length) {
            throw new IllegalArgumentException("lambda index " + i + " is out of range: the path has lambdas 0 to "
                    + (lambdas.length - 1));
        }
    }
}
