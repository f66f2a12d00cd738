package mlfoundations.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Huber, entropy, cross-entropy and KL divergence against closed forms and their identities. */
class DistributionLossesTest {

    @Test
    void hubersTwoPiecesByHand() {
        // residuals 0.5 (quadratic piece: 0.125) and 3 with delta 1 (linear piece: 1 * (3 - 0.5) = 2.5)
        assertEquals(0.125, Losses.huber(new double[] {0}, new double[] {0.5}, 1.0), 1e-15);
        assertEquals(2.5, Losses.huber(new double[] {0}, new double[] {-3}, 1.0), 1e-15);
        assertEquals((0.125 + 2.5) / 2, Losses.huber(new double[] {0, 0}, new double[] {0.5, -3}, 1.0), 1e-15);
    }

    @Property
    void huberIsHalfTheSquareInsideAndLinearOutside(@ForAll @DoubleRange(min = -50, max = 50) double r,
            @ForAll @DoubleRange(min = 0.1, max = 10) double delta) {
        double h = Losses.huber(new double[] {r}, new double[] {0}, delta);
        double a = Math.abs(r);
        double expected = a <= delta ? a * a / 2 : delta * a - delta * delta / 2;
        // both pieces are at most ~ 50 * 50; a few roundings of that size
        assertEquals(expected, h, 1e-12 * Math.max(1, a * a));
        // Huber lies between the linear piece and the quadratic one everywhere
        assertTrue(h <= a * a / 2 + 1e-12 * Math.max(1, a * a));
        assertTrue(h >= delta * a - delta * delta / 2 - 1e-12 * Math.max(1, a * a));
    }

    @Test
    void entropyAndKlByHand() {
        assertEquals(Math.log(4), Losses.entropy(new double[] {0.25, 0.25, 0.25, 0.25}), 1e-15);
        assertEquals(0.0, Losses.entropy(new double[] {0, 1, 0}), 0.0);
        // KL(Bernoulli(1/2) || Bernoulli(1/4)) = 1/2 ln(0.5/0.25) + 1/2 ln(0.5/0.75) = 1/2 ln(4/3)
        assertEquals(0.5 * Math.log(4.0 / 3), Losses.klDivergence(new double[] {0.5, 0.5}, new double[] {0.25, 0.75}),
                1e-15);
        // one-hot p: cross-entropy is -ln q_true
        assertEquals(-Math.log(0.7), Losses.crossEntropy(new double[] {0, 1, 0}, new double[] {0.2, 0.7, 0.1}), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, Losses.klDivergence(new double[] {0.5, 0.5}, new double[] {1, 0}));
    }

    /** Positive weights normalised to a distribution; kept >= 0.01 so ln q is bounded (|ln q_k| < ln(100 n)). */
    private static double[] normalised(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v;
        }
        double[] p = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            p[i] = w[i] / s;
        }
        return p;
    }

    @Property
    void klOfADistributionWithItselfIsZero(@ForAll @Size(min = 1, max = 30) double[] w0) {
        double[] p = normalised(clampWeights(w0));
        assertEquals(0.0, Losses.klDivergence(p, p), 1e-13);
    }

    @Property
    void klIsNeverNegativeAndCrossEntropyIsKlPlusEntropy(@ForAll @Size(min = 30, max = 30) double[] a,
            @ForAll @Size(min = 30, max = 30) double[] b, @ForAll @DoubleRange(min = 1, max = 30) double size) {
        int n = (int) size;
        double[] p = normalised(clampWeights(java.util.Arrays.copyOf(a, n)));
        double[] q = normalised(clampWeights(java.util.Arrays.copyOf(b, n)));
        double kl = Losses.klDivergence(p, q);
        assertTrue(kl >= 0, "KL = " + kl);
        // Each sum has n terms of size <= ln(100 n) < 9; a few ulps of that per term.
        assertEquals(Losses.crossEntropy(p, q), Losses.entropy(p) + kl, 1e-14 * 9 * n + 1e-15);
        // Gibbs' inequality: cross-entropy is at least the entropy, equality only at q = p
        assertTrue(Losses.crossEntropy(p, q) >= Losses.entropy(p) - 1e-12);
    }

    /** Maps any double (jqwik also draws NaN-free extremes) to a weight in [0.01, 1]. */
    private static double[] clampWeights(double[] w) {
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            double v = Double.isFinite(w[i]) ? Math.abs(Math.sin(w[i])) : 0.5;
            out[i] = 0.01 + 0.99 * v;
        }
        return out;
    }

    @Test
    void badDistributionsAreRejectedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.entropy(new double[] {0.5, 0.6}));
        assertTrue(e.getMessage().contains("sum to"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Losses.klDivergence(new double[] {1.2, -0.2}, new double[] {0.5, 0.5}));
        assertTrue(e.getMessage().contains(">= 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropy(new double[] {1.0}, new double[] {0.5, 0.5}));
        assertTrue(e.getMessage().contains("same outcomes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Losses.entropy(new double[0]));
        e = assertThrows(IllegalArgumentException.class,
                () -> Losses.huber(new double[] {1}, new double[] {2}, 0));
        assertTrue(e.getMessage().contains("delta"), e.getMessage());
    }
}
