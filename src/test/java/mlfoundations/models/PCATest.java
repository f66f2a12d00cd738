package mlfoundations.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

import mlfoundations.data.Datasets;
import mlfoundations.linalg.Matrices;

class PCATest {

    private static SimpleMatrix iris() {
        var t = Datasets.table("iris.csv");
        return Datasets.matrix(t, "sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm");
    }

    @Test
    void irisRatiosMatchThePublishedFigures() {
        // Published (data/PROVENANCE.md; scikit-learn's PCA on the centred iris features): 0.9246, 0.0531, 0.0171, 0.0052.
        double[] published = {0.9246, 0.0531, 0.0171, 0.0052};
        for (PCA pca : new PCA[] {PCA.fit(iris()), PCA.fitSvd(iris())}) {
            double[] ratio = pca.explainedVarianceRatio();
            for (int i = 0; i < 4; i++) {
                assertEquals(published[i], Math.round(ratio[i] * 1e4) / 1e4, 1e-12, "ratio " + i);
            }
        }
    }

    @Test
    void irisMeansMatchThePublishedFigures() {
        assertArrayEquals(new double[] {5.843, 3.057, 3.758, 1.199}, PCA.fit(iris()).mean(), 5e-4);
    }

    @Test
    void eigenAndSvdRoutesAgreeUpToSign() {
        PCA a = PCA.fit(iris());
        PCA b = PCA.fitSvd(iris());
        assertArrayEquals(a.explainedVariance(), b.explainedVariance(), 1e-10);
        for (int i = 0; i < 4; i++) {
            double[] u = a.component(i);
            double[] v = b.component(i);
            double sign = Math.signum(dot(u, v));
            for (int j = 0; j < 4; j++) {
                assertEquals(u[j], sign * v[j], 1e-10);
            }
        }
    }

    @Test
    void handWorkedExample() {
        // Centred already; Xc^T Xc = diag(8, 2), so C = diag(8, 2) / 4 = diag(2, 0.5): components e1, e2, ratios 0.8, 0.2.
        SimpleMatrix x = Matrices.of(new double[][] {{2, 0}, {0, 0}, {-2, 0}, {0, 1}, {0, -1}});
        PCA pca = PCA.fit(x);
        assertArrayEquals(new double[] {2, 0.5}, pca.explainedVariance(), 1e-12);
        assertArrayEquals(new double[] {0.8, 0.2}, pca.explainedVarianceRatio(), 1e-12);
        assertArrayEquals(new double[] {0.8, 1.0}, pca.cumulativeExplainedVarianceRatio(), 1e-12);
        assertArrayEquals(new double[] {1, 0}, pca.component(0), 1e-12);
        assertArrayEquals(new double[] {0, 1}, pca.component(1), 1e-12);
        // Keeping only the first component loses the y coordinates 1 and -1: squared error 2 over 5 x 2 entries.
        assertEquals(0.2, pca.reconstructionError(x, 1), 1e-12);
        assertArrayEquals(new double[] {2, 0, -2, 0, 0}, pca.transform(x, 1).getDDRM().getData(), 1e-12);
    }

    @Test
    void covarianceMatchesTheDefinitionEntryByEntry() {
        SimpleMatrix x = iris();
        int m = x.getNumRows();
        double[] mu = PCA.fit(x).mean();
        SimpleMatrix c = PCA.covariance(x);
        for (int j = 0; j < 4; j++) {
            for (int k = 0; k < 4; k++) {
                double s = 0;
                for (int i = 0; i < m; i++) {
                    s += (x.get(i, j) - mu[j]) * (x.get(i, k) - mu[k]);
                }
                assertEquals(s / (m - 1), c.get(j, k), 1e-12);
            }
        }
        // The total variance is the trace of C, and the eigenvalues add up to it.
        double sum = 0;
        for (double v : PCA.fit(x).explainedVariance()) {
            sum += v;
        }
        assertEquals(c.trace(), sum, 1e-10);
    }

    @Test
    void dataOnALineIsExplainedByOneComponent() {
        // Points p = (1, -2, 3) + t (2, 1, -2): all variance lies along (2, 1, -2) / 3.
        double[] ts = {-1.5, -0.3, 0.0, 0.4, 2.2, 3.1};
        SimpleMatrix x = new SimpleMatrix(ts.length, 3);
        for (int i = 0; i < ts.length; i++) {
            x.set(i, 0, 1 + 2 * ts[i]);
            x.set(i, 1, -2 + ts[i]);
            x.set(i, 2, 3 - 2 * ts[i]);
        }
        for (PCA pca : new PCA[] {PCA.fit(x), PCA.fitSvd(x)}) {
            assertEquals(1.0, pca.explainedVarianceRatio()[0], 1e-12);
            double[] v = pca.component(0);
            assertArrayEquals(new double[] {2.0 / 3, 1.0 / 3, -2.0 / 3}, v, 1e-12);
            assertEquals(0.0, pca.reconstructionError(x, 1), 1e-20);
        }
    }

    @Property
    void componentsAreOrthonormal(@ForAll("data") SimpleMatrix x) {
        for (PCA pca : new PCA[] {PCA.fit(x), PCA.fitSvd(x)}) {
            SimpleMatrix v = pca.components();
            int r = v.getNumCols();
            assertTrue(Matrices.maxAbsDifference(v.transpose().mult(v), Matrices.identity(r)) < 1e-10);
        }
    }

    @Property
    void transformThenInverseWithAllComponentsGivesXBack(@ForAll("data") SimpleMatrix x) {
        // Needs r = n components, so m >= n: the generator makes m >= n.
        PCA pca = PCA.fit(x);
        SimpleMatrix back = pca.inverseTransform(pca.transform(x, x.getNumCols()));
        assertTrue(Matrices.maxAbsDifference(back, x) < 1e-10);
    }

    @Property
    void reconstructionErrorIsTheDroppedVariance(@ForAll("data") SimpleMatrix x) {
        // X - X_hat = Xc (I - V_k V_k^T) = sum_{i>k} sigma_i u_i v_i^T, so sum_ij (x_ij - x_hat_ij)^2 = sum_{i>k} sigma_i^2
        // = (m - 1) sum_{i>k} lambda_i; the mean over the m n entries is (m - 1) / (m n) times the dropped eigenvalues.
        PCA pca = PCA.fit(x);
        int m = x.getNumRows();
        int n = x.getNumCols();
        double[] lambda = pca.explainedVariance();
        for (int k = 1; k <= n; k++) {
            double dropped = 0;
            for (int i = k; i < lambda.length; i++) {
                dropped += lambda[i];
            }
            double expected = (m - 1.0) / ((double) m * n) * dropped;
            assertEquals(expected, pca.reconstructionError(x, k), 1e-9 * Math.max(1, lambda[0]));
        }
    }

    @Property
    void eigenAndSvdRoutesAgreeOnRandomData(@ForAll("data") SimpleMatrix x) {
        PCA a = PCA.fit(x);
        PCA b = PCA.fitSvd(x);
        double[] la = a.explainedVariance();
        assertArrayEquals(la, b.explainedVariance(), 1e-9 * Math.max(1, la[0]));
        for (int i = 0; i < la.length; i++) {
            // A direction is only defined when its eigenvalue is separated from its neighbours'.
            double gap = Math.min(i > 0 ? la[i - 1] - la[i] : Double.POSITIVE_INFINITY,
                    i + 1 < la.length ? la[i] - la[i + 1] : Double.POSITIVE_INFINITY);
            if (gap < 1e-3 * Math.max(1, la[0])) {
                continue;
            }
            double[] u = a.component(i);
            double[] v = b.component(i);
            double sign = Math.signum(dot(u, v));
            for (int j = 0; j < u.length; j++) {
                assertEquals(u[j], sign * v[j], 1e-6);
            }
        }
    }

    @Provide
    Arbitrary<SimpleMatrix> data() {
        return Combinators.combine(Arbitraries.integers().between(1, 5), Arbitraries.integers().between(0, 6))
                .flatAs((n, extra) -> Arbitraries.doubles().between(-10, 10).ofScale(3).array(double[].class)
                        .ofSize((n + 1 + extra) * n).map(d -> new SimpleMatrix(n + 1 + extra, n, true, d)));
    }

    @Test
    void badInputIsRejectedWithClearMessages() {
        SimpleMatrix x = iris();
        PCA pca = PCA.fit(x);
        var e = assertThrows(IllegalArgumentException.class, () -> pca.transform(x, 5));
        assertTrue(e.getMessage().contains("between 1 and 4") && e.getMessage().contains("got 5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> pca.components(0));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PCA.fit(new SimpleMatrix(1, 3)));
        assertTrue(e.getMessage().contains("at least 2 samples") && e.getMessage().contains("1x3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PCA.fitSvd(new SimpleMatrix(1, 3)));
        assertTrue(e.getMessage().contains("at least 2 samples"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> pca.transform(new SimpleMatrix(3, 5), 2));
        assertTrue(e.getMessage().contains("150x4") && e.getMessage().contains("3x5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> pca.inverseTransform(new SimpleMatrix(3, 5)));
        assertTrue(e.getMessage().contains("3x5") && e.getMessage().contains("4 components"), e.getMessage());
        SimpleMatrix bad = x.copy();
        bad.set(7, 2, Double.NaN);
        e = assertThrows(IllegalArgumentException.class, () -> PCA.fit(bad));
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("row 7"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PCA.fit(null));
        assertTrue(e.getMessage().contains("null"), e.getMessage());
        var s = assertThrows(IllegalStateException.class, () -> PCA.fit(SimpleMatrix.ones(3, 2)).explainedVarianceRatio());
        assertTrue(s.getMessage().contains("no variance"), s.getMessage());
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
