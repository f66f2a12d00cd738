package mlfoundations.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

import mlfoundations.data.Datasets;
import mlfoundations.data.StandardScaler;

class RegularisationPathTest {

    /** Two centred, orthogonal columns with x_j . x_j = m = 4, so Xc^T Xc / m = I. */
    private static final SimpleMatrix ORTHO = new SimpleMatrix(4, 2, true, 1, 1, 1, -1, -1, 1, -1, -1);
    private static final SimpleMatrix Y = new SimpleMatrix(4, 1, true, 3, 1, 0, -2);

    @Test
    void orthogonalDesignHasClosedFormPaths() {
        // Least squares: w_j = x_j . y / m (x_j centred): (3 + 1 - 0 + 2) / 4 = 1.5 and (3 - 1 + 0 + 2) / 4 = 1.
        double[] ols = {1.5, 1.0};
        double[] lambdas = {0, 0.5, 1.2, 2, 8};
        RegularisationPath lasso = RegularisationPath.lasso(ORTHO, Y, lambdas);
        RegularisationPath ridge = RegularisationPath.ridge(ORTHO, Y, lambdas);
        for (int i = 0; i < lambdas.length; i++) {
            double l = lambdas[i];
            // The lasso cost separates: w_j = sign(ols_j) max(|ols_j| - lambda, 0).
            double[] lassoExpected = {Math.max(ols[0] - l, 0), Math.max(ols[1] - l, 0)};
            // Ridge: (m I + lambda I) w = m ols, so w = ols m / (m + lambda).
            double[] ridgeExpected = {ols[0] * 4 / (4 + l), ols[1] * 4 / (4 + l)};
            assertArrayEquals(lassoExpected, lasso.weightsAt(i), 1e-10, "lasso at lambda " + l);
            assertArrayEquals(ridgeExpected, ridge.weightsAt(i), 1e-10, "ridge at lambda " + l);
            // The bias is mean(y) = 0.5 here for every lambda, because the columns have mean 0.
            assertEquals(0.5, lasso.biasAt(i), 1e-10);
            assertEquals(0.5, ridge.biasAt(i), 1e-10);
        }
        assertArrayEquals(new int[] {0, 0, 1, 2, 2}, lasso.zeroCounts());
        assertArrayEquals(new int[] {0, 0, 0, 0, 0}, ridge.zeroCounts());
    }

    private static SimpleMatrix[] diabetes() {
        var t = Datasets.table("diabetes.csv");
        String[] features = {"age", "sex", "bmi", "bp", "s1_tc", "s2_ldl", "s3_hdl", "s4_tch", "s5_ltg", "s6_glu"};
        SimpleMatrix x = new StandardScaler().fitTransform(Datasets.matrix(t, features));
        SimpleMatrix y = Datasets.matrix(t, "progression");
        return new SimpleMatrix[] {x, y};
    }

    @Test
    void atLambdaZeroBothAreLeastSquares() {
        SimpleMatrix[] d = diabetes();
        LinearRegression ols = LinearRegression.fitClosedForm(d[0], d[1]);
        double[] expected = ols.weights().getDDRM().getData();
        double[] ridge = RegularisationPath.ridge(d[0], d[1], 0).weightsAt(0);
        double[] lasso = RegularisationPath.lasso(d[0], d[1], 0).weightsAt(0);
        assertArrayEquals(expected, ridge, 1e-8);
        assertArrayEquals(expected, lasso, 1e-5);
        assertEquals(ols.bias(), RegularisationPath.lasso(d[0], d[1], 0).biasAt(0), 1e-6);
    }

    @Test
    void lassoHasExactZerosAtLargeLambdaWhereRidgeDoesNot() {
        SimpleMatrix[] d = diabetes();
        double[] lambdas = {1, 5, 20, 100};
        int[] lassoZeros = RegularisationPath.lasso(d[0], d[1], lambdas).zeroCounts();
        int[] ridgeZeros = RegularisationPath.ridge(d[0], d[1], lambdas).zeroCounts();
        assertTrue(lassoZeros[2] > 0 && lassoZeros[3] == 10, java.util.Arrays.toString(lassoZeros));
        for (int z : ridgeZeros) {
            assertEquals(0, z);
        }
        for (int i = 1; i < lassoZeros.length; i++) {
            assertTrue(lassoZeros[i] >= lassoZeros[i - 1], "more zeros as lambda grows");
        }
    }

    @Test
    void lassoIsAllZeroExactlyFromLambdaMax() {
        // With centred columns, W = 0 is optimal iff |x_j . yc| / m <= lambda for every j (the subgradient condition):
        // lambda_max = max_j |x_j . yc| / m, computed here directly.
        SimpleMatrix[] d = diabetes();
        SimpleMatrix x = d[0];
        SimpleMatrix y = d[1];
        int m = x.getNumRows();
        double yMean = y.elementSum() / m;
        double lambdaMax = 0;
        int best = -1;
        for (int j = 0; j < x.getNumCols(); j++) {
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += x.get(i, j) * (y.get(i) - yMean);
            }
            if (Math.abs(s / m) > lambdaMax) {
                lambdaMax = Math.abs(s / m);
                best = j;
            }
        }
        RegularisationPath p = RegularisationPath.lasso(x, y, lambdaMax * 1.0001, lambdaMax * 0.99);
        assertEquals(10, p.zeroCounts()[0]);
        assertEquals(9, p.zeroCounts()[1]);
        assertNotEquals(0.0, p.weightsAt(1)[best], "the first feature to enter is the one most correlated with y");
    }

    @Test
    void ridgeWeightsShrinkSteadily() {
        SimpleMatrix[] d = diabetes();
        double[] lambdas = {0, 1, 10, 100, 1000, 10000};
        RegularisationPath p = RegularisationPath.ridge(d[0], d[1], lambdas);
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i < lambdas.length; i++) {
            double norm = 0;
            for (double w : p.weightsAt(i)) {
                norm += w * w;
            }
            assertTrue(norm < previous, "||W|| must fall as lambda grows");
            previous = norm;
        }
        double[] bmi = p.coefficient(2);
        assertEquals(lambdas.length, bmi.length);
        assertEquals(p.weightsAt(3)[2], bmi[3]);
    }

    @Test
    void badInputIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> RegularisationPath.lasso(ORTHO, Y));
        assertTrue(e.getMessage().contains("at least one lambda"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RegularisationPath.ridge(ORTHO, Y, 1, -0.5));
        assertTrue(e.getMessage().contains("-0.5"), e.getMessage());
        RegularisationPath p = RegularisationPath.ridge(ORTHO, Y, 1);
        e = assertThrows(IllegalArgumentException.class, () -> p.coefficient(2));
        assertTrue(e.getMessage().contains("index 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> p.weightsAt(1));
        assertTrue(e.getMessage().contains("index 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RegularisationPath.ridge(ORTHO, new SimpleMatrix(3, 1), 1));
        assertTrue(e.getMessage().contains("4") && e.getMessage().contains("3"), e.getMessage());
    }
}
