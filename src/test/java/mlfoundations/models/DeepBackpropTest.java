package mlfoundations.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;

import mlfoundations.stats.Rng;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

/** Backpropagation through L layers, each with its own width and activation, against central differences. */
class DeepBackpropTest {

    private static final double H = 1e-5;
    private static final double EPS = Math.ulp(1.0);

    @Property(tries = 150)
    void lLayerBackpropMatchesCentralDifferences(@ForAll @IntRange(min = 0, max = 1_000_000) int seed,
            @ForAll @IntRange(min = 1, max = 8) int depth) {
        RandomGenerator r = Rng.seeded(seed);
        Activation[] pool = Activation.values();
        Dense[] layers = new Dense[depth];
        int nIn = 1 + r.nextInt(4);
        int n0 = nIn;
        for (int l = 0; l < depth; l++) {
            int nOut = l == depth - 1 ? 1 + r.nextInt(2) : 1 + r.nextInt(5);
            // Weights of standard deviation 1/sqrt(nIn) keep every pre-activation of order 1 at any depth, so the
            // loss's third derivatives (the central difference's truncation error h^2/6 f''') stay of order 1
            // and the tolerance below is honest; larger weights would need a tolerance that grows with depth.
            layers[l] = Dense.of(nIn, nOut, pool[r.nextInt(pool.length)], Init.normal(1 / Math.sqrt(nIn)), r);
            nIn = nOut;
        }
        Network net = Network.of(Loss.MSE, layers);
        int m = 4;
        SimpleMatrix x = new SimpleMatrix(m, n0);
        SimpleMatrix y = new SimpleMatrix(m, nIn);
        for (int k = 0; k < x.getNumElements(); k++) {
            x.set(k, r.nextDouble(-1, 1));
        }
        for (int k = 0; k < y.getNumElements(); k++) {
            y.set(k, r.nextDouble(-1, 1));
        }
        net.forward(x);
        for (Dense l : net.layers()) {
            for (double z : l.z().getDDRM().getData()) {
                // ReLU's kink at 0: a probe of size h must not carry a pre-activation across it.
                Assume.that(l.activation() != Activation.RELU || Math.abs(z) > 1e-3);
            }
        }
        double[] theta = net.parameters();
        double[] analytic = net.gradient(x, y);
        double loss = net.loss(x, y);
        for (int k = 0; k < theta.length; k++) {
            double[] p = theta.clone();
            p[k] = theta[k] + H;
            net.setParameters(p);
            double up = net.loss(x, y);
            p[k] = theta[k] - H;
            net.setParameters(p);
            double down = net.loss(x, y);
            double numeric = (up - down) / (2 * H);
            // truncation about h^2 (1e-10) times an order-1 third derivative, plus rounding of the two losses,
            // about eps |L| / h; a factor 100 on each for the sums over units and examples.
            double tol = 100 * H * H * Math.max(1, Math.abs(analytic[k])) + 100 * EPS * Math.max(1, loss) / H;
            assertEquals(numeric, analytic[k], tol, net + ", parameter " + k);
        }
    }

    @Test
    void layerGradientNormsAreTheFrobeniusNormsOfEachWeightGradient() {
        Rng.reset(3);
        Network net = Network.build(Loss.MSE, Init.xavier(), Activation.TANH, Activation.IDENTITY, 3, 4, 4, 2);
        SimpleMatrix x = new SimpleMatrix(new double[][] {{1, 0, -1}, {0.5, 2, 0}});
        SimpleMatrix y = new SimpleMatrix(new double[][] {{1, 0}, {0, 1}});
        net.gradient(x, y);
        double[] norms = net.layerGradientNorms();
        assertEquals(3, norms.length);
        for (int l = 0; l < 3; l++) {
            assertEquals(net.layer(l).weightGradient().normF(), norms[l], 1e-15 * (1 + norms[l]));
        }
    }

    @Test
    void aSingleSigmoidUnitsGradientNormIsTheHandDerivedOne() {
        // One example x = (3, 4), one unit, L = (a - y)^2 for m = 1 with MSE's convention: dL/dw = dL/da a(1-a) x,
        // so ||dW|| = |dL/da| a(1-a) * 5.
        Dense d = Dense.of(new SimpleMatrix(new double[][] {{0.1}, {-0.2}}), new SimpleMatrix(1, 1), Activation.SIGMOID);
        Network net = Network.of(Loss.MSE, d);
        SimpleMatrix x = new SimpleMatrix(new double[][] {{3, 4}});
        SimpleMatrix y = new SimpleMatrix(new double[][] {{1}});
        net.forward(x);
        net.backward(y);
        double a = 1 / (1 + Math.exp(-(0.3 - 0.8)));
        double dLdA = Loss.MSE.gradient(y, new SimpleMatrix(new double[][] {{a}})).get(0);
        assertEquals(Math.abs(dLdA) * a * (1 - a) * 5, net.layerGradientNorms()[0], 1e-15);
    }

    @Test
    void gradientNormsBeforeAnyBackwardPassAreAClearError() {
        Network net = Network.build(Loss.MSE, Init.xavier(), Activation.TANH, Activation.IDENTITY, 2, 2, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, net::layerGradientNorms);
        assertTrue(e.getMessage().contains("backward"), e.getMessage());
    }
}
