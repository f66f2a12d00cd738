package mlfoundations.calculus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

import mlfoundations.calculus.StationaryPoint.Kind;
import mlfoundations.optim.DivergenceException;
import mlfoundations.optim.GradientDescent;
import mlfoundations.optim.Trajectory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

/** Stationary points classified by the Hessian's eigenvalues, checked on functions whose Hessian is known by hand. */
class StationaryPointTest {

    private static final double[] ORIGIN = {0, 0};

    @Test
    void originOfXSquaredMinusYSquaredIsASaddle() {
        StationaryPoint p = StationaryPoint.at(v -> v[0] * v[0] - v[1] * v[1], ORIGIN);
        assertEquals(Kind.SADDLE, p.kind());
        // H = diag(2, -2) exactly; second differences of a quadratic have no truncation error, only round-off.
        assertEquals(2, p.eigenvalues()[0], 1e-6);
        assertEquals(-2, p.eigenvalues()[1], 1e-6);
    }

    @Test
    void originOfXSquaredPlusYSquaredIsAMinimum() {
        StationaryPoint p = StationaryPoint.at(v -> v[0] * v[0] + v[1] * v[1], ORIGIN);
        assertEquals(Kind.MINIMUM, p.kind());
        assertEquals(1, p.conditionNumber(), 1e-6);
        assertEquals(1, p.largestStableStep(), 1e-6); // 2 / lambda_max = 2 / 2
    }

    @Test
    void originOfMinusXSquaredMinusYSquaredIsAMaximum() {
        StationaryPoint p = StationaryPoint.at(v -> -v[0] * v[0] - v[1] * v[1], ORIGIN);
        assertEquals(Kind.MAXIMUM, p.kind());
        assertThrows(IllegalStateException.class, p::conditionNumber);
    }

    @Test
    void flatDirectionIsDegenerate() {
        // x^2 + y^4: H = diag(2, 0) at the origin; a minimum in truth, but second derivatives cannot show it.
        assertEquals(Kind.DEGENERATE, StationaryPoint.at(v -> v[0] * v[0] + Math.pow(v[1], 4), ORIGIN).kind());
        // x^3 in 1-D: H = 0, neither minimum nor maximum.
        assertEquals(Kind.DEGENERATE, StationaryPoint.at(v -> v[0] * v[0] * v[0], new double[] {0}).kind());
    }

    @Test
    void hessiansGivenAsMatricesOrEigenvaluesAreClassified() {
        // f = x^2 + 3y^2 + xy has H = [[2, 1], [1, 6]], eigenvalues 4 +- sqrt(5), both positive.
        StationaryPoint p = StationaryPoint.ofHessian(new SimpleMatrix(new double[][] {{2, 1}, {1, 6}}));
        assertEquals(Kind.MINIMUM, p.kind());
        assertEquals((4 + Math.sqrt(5)) / (4 - Math.sqrt(5)), p.conditionNumber(), 1e-12);
        // Indefinite 3x3: det < 0 with positive trace means eigenvalues of both signs.
        assertEquals(Kind.SADDLE, StationaryPoint.classify(new double[] {3, 1, -0.5}));
    }

    @Test
    void aPointWithNonZeroGradientIsRejectedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StationaryPoint.at(v -> v[0] * v[0] + v[1] * v[1], new double[] {1, 0}));
        assertTrue(e.getMessage().contains("not a stationary point"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StationaryPoint.classify(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> StationaryPoint.classify(new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> StationaryPoint.ofHessian(null));
    }

    /**
     * A rotated quadratic f(p) = (a u^2 + s b w^2) / 2 with (u, w) = p rotated by theta has eigenvalues a and s b, so
     * its kind is known by construction. Curvatures are kept in [0.1, 10] so kappa <= 100 and the Hessian's round-off
     * (~1e-7) is far below the smallest eigenvalue.
     */
    @Property(tries = 60)
    void rotatedQuadraticsAreClassifiedByTheirCurvatures(@ForAll @DoubleRange(min = 0.1, max = 10) double a,
            @ForAll @DoubleRange(min = 0.1, max = 10) double b, @ForAll @DoubleRange(min = 0, max = 3.2) double theta,
            @ForAll boolean saddle) {
        double s = saddle ? -1 : 1;
        StationaryPoint p = StationaryPoint.at(quadratic(a, s * b, theta), ORIGIN);
        assertEquals(saddle ? Kind.SADDLE : Kind.MINIMUM, p.kind());
        double[] ev = p.eigenvalues();
        double top = Math.max(a, s * b);
        double bottom = Math.min(a, s * b);
        assertEquals(top, ev[0], 1e-5 * Math.max(a, b));
        assertEquals(bottom, ev[1], 1e-5 * Math.max(a, b));
    }

    /**
     * Gradient descent on a quadratic multiplies the error along eigenvector i by (1 - alpha lambda_i) per step, so it
     * converges for alpha below 2 / lambda_max and diverges above it. 10% either side of the limit gives a factor of
     * at most 0.9 (settles) or at least 1.1 (passes the bound 1e6 from distance 1 in about 150 steps).
     */
    @Property(tries = 40)
    void gradientDescentConvergesBelowTwoOverLambdaMaxAndDivergesAbove(
            @ForAll @DoubleRange(min = 0.1, max = 10) double a, @ForAll @DoubleRange(min = 0.1, max = 10) double b,
            @ForAll @DoubleRange(min = 0, max = 3.2) double theta) {
        ToDoubleFunction<double[]> f = quadratic(a, b, theta);
        double limit = StationaryPoint.at(f, ORIGIN).largestStableStep();
        assertEquals(2 / Math.max(a, b), limit, 1e-5 * limit);
        UnaryOperator<double[]> grad = v -> Differences.gradient(f, v);
        double[] start = {1, -1};

        Trajectory below = new GradientDescent(0.9 * limit).threshold(1e-9).maxSteps(20_000).minimize(f, grad, start);
        assertTrue(below.converged(), "alpha = 0.9 * 2/lambda_max should settle: " + below.summary());
        assertTrue(Math.abs(below.lastValue()) < 1e-10, "it settles at the minimum f = 0: " + below.summary());

        assertThrows(DivergenceException.class,
                () -> new GradientDescent(1.1 * limit).threshold(1e-9).maxSteps(20_000).minimize(f, grad, start));
    }

    private static ToDoubleFunction<double[]> quadratic(double lambda1, double lambda2, double theta) {
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        return v -> {
            double u = c * v[0] + s * v[1];
            double w = -s * v[0] + c * v[1];
            return (lambda1 * u * u + lambda2 * w * w) / 2;
        };
    }
}
