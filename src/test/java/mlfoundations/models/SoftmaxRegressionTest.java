package mlfoundations.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import mlfoundations.data.Labels;
import mlfoundations.metrics.Classification;
import mlfoundations.optim.Sgd;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

class SoftmaxRegressionTest {

    /** Scores up to +-700 (e^700 is near the largest double): rows still sum to 1 and every entry is in [0, 1]. */
    @Property(tries = 200)
    void rowsAreProbabilities(@ForAll long seed) {
        Random r = new Random(seed);
        int m = 1 + r.nextInt(5);
        int k = 2 + r.nextInt(5);
        double scale = Math.pow(10, -2 + 5 * r.nextDouble());   // 0.01 .. 1000
        SimpleMatrix z = new SimpleMatrix(m, k);
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < k; c++) {
                z.set(i, c, scale * (2 * r.nextDouble() - 1));
            }
        }
        SimpleMatrix p = SoftmaxRegression.softmax(z);
        for (int i = 0; i < m; i++) {
            double sum = 0;
            for (int c = 0; c < k; c++) {
                assertTrue(p.get(i, c) >= 0 && p.get(i, c) <= 1);
                sum += p.get(i, c);
            }
            // k terms each rounded once, then divided: within a few k ulps of 1
            assertEquals(1.0, sum, 4 * k * Math.ulp(1.0));
        }
    }

    @Test
    void handWorkedSoftmax() {
        // softmax(0, ln 2, ln 3) = (1, 2, 3) / 6; adding a constant to every score changes nothing
        SimpleMatrix p = SoftmaxRegression.softmax(new SimpleMatrix(new double[][] {
            {0, Math.log(2), Math.log(3)}, {1000, 1000 + Math.log(2), 1000 + Math.log(3)}}));
        for (int i = 0; i < 2; i++) {
            assertEquals(1 / 6.0, p.get(i, 0), 1e-12);
            assertEquals(2 / 6.0, p.get(i, 1), 1e-12);
            assertEquals(3 / 6.0, p.get(i, 2), 1e-12);
        }
    }

    @Test
    void twoClassesAreLogisticRegressionOnTheScoreDifference() {
        // P(class 1) = e^z1 / (e^z0 + e^z1) = sigma(z1 - z0)
        SimpleMatrix p = SoftmaxRegression.softmax(new SimpleMatrix(new double[][] {{0.3, -1.2}}));
        assertEquals(Sigmoid.value(-1.2 - 0.3), p.get(0, 1), 1e-15);
    }

    /**
     * dW and db against central differences of J. Inputs in [-2, 2] and parameters in [-1, 1] keep every probability
     * above about e^-20 (no clipping) and J below about 20, so the rounding noise is about 20e-16 / h = 2e-10 and the
     * truncation error h^2 / 6 times a third derivative of at most a few hundred, about 1e-8.
     */
    @Property(tries = 60)
    void gradientMatchesCentralDifferences(@ForAll long seed) {
        Random r = new Random(seed);
        int m = 1 + r.nextInt(8);
        int n = 1 + r.nextInt(3);
        int k = 2 + r.nextInt(3);
        SimpleMatrix x = new SimpleMatrix(m, n);
        int[] labels = new int[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                x.set(i, j, -2 + 4 * r.nextDouble());
            }
            labels[i] = r.nextInt(k);
        }
        SimpleMatrix y = Labels.oneHot(labels, k);
        SimpleMatrix w = SimpleMatrix.random_DDRM(n, k, -1, 1, r);
        SimpleMatrix b = SimpleMatrix.random_DDRM(1, k, -1, 1, r);
        double lambda = r.nextDouble();
        SimpleMatrix[] g = SoftmaxRegression.gradient(x, y, w, b, lambda);
        double h = 1e-5;
        for (int e = 0; e < w.getNumElements(); e++) {
            SimpleMatrix wp = w.copy();
            SimpleMatrix wm = w.copy();
            wp.set(e, w.get(e) + h);
            wm.set(e, w.get(e) - h);
            double num = (SoftmaxRegression.cost(x, y, wp, b, lambda) - SoftmaxRegression.cost(x, y, wm, b, lambda))
                    / (2 * h);
            assertEquals(num, g[0].get(e), 1e-7);
        }
        for (int c = 0; c < k; c++) {
            SimpleMatrix bp = b.copy();
            SimpleMatrix bm = b.copy();
            bp.set(c, b.get(c) + h);
            bm.set(c, b.get(c) - h);
            double num = (SoftmaxRegression.cost(x, y, w, bp, lambda) - SoftmaxRegression.cost(x, y, w, bm, lambda))
                    / (2 * h);
            assertEquals(num, g[1].get(c), 1e-7);
        }
    }

    @Test
    void learnsThreeSeparatedGroups() {
        // three points per class around (0, 3), (3, 0), (-3, -3): any sensible classifier gets all 9 right
        double[][] pts = {{0, 3}, {0.5, 3.5}, {-0.5, 2.5}, {3, 0}, {3.5, 0.5}, {2.5, -0.5}, {-3, -3}, {-2.5, -3.5},
            {-3.5, -2.5}};
        int[] labels = {0, 0, 0, 1, 1, 1, 2, 2, 2};
        SimpleMatrix x = new SimpleMatrix(pts);
        SoftmaxRegression model = SoftmaxRegression.fit(x, Labels.oneHot(labels, 3), new Sgd(0.5), 300, 0.0);
        assertEquals(1.0, Classification.accuracy(labels, model.predict(x)), 0.0);
        double[] h = model.lossHistory();
        assertEquals(Math.log(3), h[0], 1e-15);   // W = 0, b = 0: every class 1/3
        assertTrue(h[h.length - 1] < 0.05);
    }

    @Test
    void badLabelsAreRejectedClearly() {
        SimpleMatrix x = new SimpleMatrix(2, 1);
        SimpleMatrix notOneHot = new SimpleMatrix(new double[][] {{1, 1}, {0, 1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SoftmaxRegression.fit(x, notOneHot, new Sgd(0.1), 5, 0));
        assertTrue(e.getMessage().contains("one-hot"), e.getMessage());
    }
}
