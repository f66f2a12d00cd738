package mlfoundations.calculus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

/** Numerical Jacobians and Hessians against derivatives worked out by hand. */
class JacobianHessianTest {

    @Test
    void jacobianOfAPolynomialMapMatchesItsClosedForm() {
        // f(x, y) = (x^2 y, 5x + sin y): J = [[2xy, x^2], [5, cos y]].
        double x = 1.3;
        double y = -0.4;
        SimpleMatrix j = Jacobian.of(p -> new double[] {p[0] * p[0] * p[1], 5 * p[0] + Math.sin(p[1])},
                new double[] {x, y});
        double[][] exact = {{2 * x * y, x * x}, {5, Math.cos(y)}};
        assertEquals(2, j.getNumRows());
        assertEquals(2, j.getNumCols());
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                // truncation h^2 |f'''| / 6 ~ 1e-10 here; round-off eps |f| / h ~ 1e-10
                assertEquals(exact[r][c], j.get(r, c), 1e-8, "J[" + r + "][" + c + "]");
            }
        }
    }

    @Test
    void polarCoordinatesHaveJacobianDeterminantR() {
        // (r, theta) -> (r cos theta, r sin theta): det J = r, the area factor of polar coordinates.
        SimpleMatrix j = Jacobian.of(p -> new double[] {p[0] * Math.cos(p[1]), p[0] * Math.sin(p[1])},
                new double[] {2.5, 0.7});
        assertEquals(2.5, j.determinant(), 1e-8);
    }

    @Test
    void aRectangularJacobianHasOneRowPerOutput() {
        // f: R^3 -> R, so J is the gradient as a 1 x 3 row: (yz, xz, xy).
        SimpleMatrix j = Jacobian.of(p -> new double[] {p[0] * p[1] * p[2]}, new double[] {1, 2, 3});
        assertEquals(1, j.getNumRows());
        assertEquals(3, j.getNumCols());
        assertEquals(6, j.get(0, 0), 1e-8);
        assertEquals(3, j.get(0, 1), 1e-8);
        assertEquals(2, j.get(0, 2), 1e-8);
    }

    @Test
    void hessianOfTheDocumentsExercise() {
        // f = x y + x^2: H = [[2, 1], [1, 0]] everywhere.
        SimpleMatrix h = Hessian.of(p -> p[0] * p[1] + p[0] * p[0], new double[] {0.3, -2});
        double[][] exact = {{2, 1}, {1, 0}};
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                // f is quadratic, so there is no truncation error; round-off ~ 4 eps |f| / h^2 ~ 1e-7
                assertEquals(exact[r][c], h.get(r, c), 1e-6);
            }
        }
    }

    @Test
    void hessianOfSinTimesExp() {
        // f = sin(x) e^y: H = [[-sin x e^y, cos x e^y], [cos x e^y, sin x e^y]].
        double x = 0.9;
        double y = 0.2;
        SimpleMatrix h = Hessian.of(p -> Math.sin(p[0]) * Math.exp(p[1]), new double[] {x, y});
        double e = Math.exp(y);
        double[][] exact = {{-Math.sin(x) * e, Math.cos(x) * e}, {Math.cos(x) * e, Math.sin(x) * e}};
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                // truncation h^2 |f''''| / 12 ~ 1e-9, round-off 4 eps |f| / h^2 ~ 1e-7
                assertEquals(exact[r][c], h.get(r, c), 1e-6);
            }
        }
    }

    @Test
    void secondDerivativeClassifiesTheCriticalPointsOfACubic() {
        // f = x^3 - 3x + 2: f'' = 6x, so -6 at x = -1 (a maximum) and 6 at x = 1 (a minimum).
        ToDoubleFunction<double[]> f = p -> p[0] * p[0] * p[0] - 3 * p[0] + 2;
        assertEquals(-6, Hessian.of(f, new double[] {-1}).get(0, 0), 1e-6);
        assertEquals(6, Hessian.of(f, new double[] {1}).get(0, 0), 1e-6);
    }

    @Property(tries = 50)
    void hessianOfAQuadraticFormIsItsMatrix(@ForAll @IntRange(min = 1, max = 5) int n,
            @ForAll @DoubleRange(min = -1, max = 1) double seedX) {
        // f(x) = x^T A x / 2 with A symmetric has Hessian A exactly, and no truncation error (f''' = 0); what is left
        // is round-off: four values of f, each off by about eps |f|, over 4 h^2 (or h^2 for the diagonal's 1, -2, 1).
        java.util.Random rnd = new java.util.Random(Double.doubleToLongBits(seedX));
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = 2 * rnd.nextDouble() - 1;
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * rnd.nextDouble() - 1;
        }
        ToDoubleFunction<double[]> f = p -> {
            double s = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    s += p[i] * a[i][j] * p[j];
                }
            }
            return s / 2;
        };
        SimpleMatrix h = Hessian.of(f, x);
        // |f| <= n^2 (1 + h)^2 / 2 over the probes; n^2 terms each rounded: error per value <= n^2 eps (n^2).
        double fBound = n * n * 1.01 / 2;
        double tol = 4 * n * n * Math.ulp(1.0) * (1 + fBound) / (Hessian.H * Hessian.H);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertTrue(Math.abs(h.get(i, j) - a[i][j]) <= tol,
                        "H[" + i + "][" + j + "] = " + h.get(i, j) + " vs " + a[i][j] + ", tolerance " + tol);
                assertEquals(h.get(i, j), h.get(j, i), 0.0, "symmetric by construction");
            }
        }
    }

    @Test
    void badInputIsRefusedClearly() {
        IllegalArgumentException step = assertThrows(IllegalArgumentException.class,
                () -> Jacobian.of(p -> p, new double[] {1}, 0));
        assertTrue(step.getMessage().contains("step size h must be finite and > 0, got 0.0"), step.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Jacobian.of(null, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Hessian.of(p -> p[0], new double[0]));
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> Jacobian.of(p -> p[0] > 1 ? new double[] {1, 2} : new double[] {1}, new double[] {1}));
        assertTrue(ragged.getMessage().contains("f returned 1 outputs at x but 2 and 1"), ragged.getMessage());
        IllegalArgumentException inf = assertThrows(IllegalArgumentException.class,
                () -> Hessian.of(p -> 1 / p[0], new double[] {0}));
        assertTrue(inf.getMessage().contains("finite"), inf.getMessage());
    }

    @Test
    void neitherChangesThePoint() {
        double[] x = {0.5, 1.5};
        Jacobian.of(p -> {
            p[0] = 99;  // a careless f that scribbles on its argument must not move the probes
            return new double[] {p[1]};
        }, x);
        Hessian.of(p -> p[0] * p[1], x);
        assertEquals(0.5, x[0], 0.0);
        assertEquals(1.5, x[1], 0.0);
    }
}
