package mlfoundations.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import mlfoundations.calculus.Differences;
import mlfoundations.data.ToyData;
import mlfoundations.optim.DivergenceException;
import mlfoundations.optim.Optimizer;
import mlfoundations.stats.Rng;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class NetworkTest {

    private static SimpleMatrix m(double[][] v) {
        return new SimpleMatrix(v);
    }

    @Test
    void forwardPassOfAHandWorked221Network() {
        // x = (1, 2); z1 = x W1 + b1 = (1 + 4 + 0, -1 + 1 + 1) = (5, 1); relu keeps both;
        // z2 = 5 * 0.5 + 1 * (-1) + 0.25 = 1.75; the sigmoid output is 1 / (1 + e^-1.75).
        Dense hidden = Dense.of(m(new double[][] {{1, -1}, {2, 0.5}}), m(new double[][] {{0, 1}}), Activation.RELU);
        Dense out = Dense.of(m(new double[][] {{0.5}, {-1}}), m(new double[][] {{0.25}}), Activation.SIGMOID);
        Network net = Network.of(Loss.BCE, hidden, out);
        SimpleMatrix a = net.forward(m(new double[][] {{1, 2}}));
        assertEquals(1 / (1 + Math.exp(-1.75)), a.get(0, 0), 1e-15);
        assertArrayEquals(new double[] {5, 1}, hidden.z().getDDRM().getData(), 0);
        assertEquals(a.get(0, 0), net.probability(new double[] {1, 2}), 1e-15);
    }

    @Test
    void theTextbookReluNetworkComputesXorExactly() {
        // Goodfellow, Bengio, Courville, Deep Learning, section 6.1: h = relu(x W + c), y = h w.
        Dense hidden = Dense.of(m(new double[][] {{1, 1}, {1, 1}}), m(new double[][] {{0, -1}}), Activation.RELU);
        Dense out = Dense.of(m(new double[][] {{1}, {-2}}), m(new double[][] {{0}}), Activation.IDENTITY);
        Network net = Network.of(Loss.MSE, hidden, out);
        ToyData.Classification xor = ToyData.xor();
        assertArrayEquals(new double[] {0, 1, 1, 0}, net.forward(xor.x()).getDDRM().getData(), 0);
        assertEquals(0.0, net.loss(xor.x(), xor.y()), 0);
    }

    /** Relative error of the backprop gradient against central differences, over all parameters and per layer. */
    private static void assertGradientsMatch(Network net, SimpleMatrix x, SimpleMatrix y) {
        double[] theta = net.parameters();
        double[] analytic = net.gradient(x, y);
        double[] numeric = Differences.gradient(p -> {
            net.setParameters(p);
            return net.loss(x, y);
        }, theta);
        net.setParameters(theta);
        double err = Differences.relativeError(analytic, numeric);
        double whole = Math.max(norm(analytic), norm(numeric));
        // The same rule as for each layer below: relative where the gradient stands well above the finite
        // difference's rounding noise, absolute where the whole gradient has nearly vanished.
        assertTrue(whole > 1e-3 ? err < 1e-7 : norm(subtract(analytic, numeric)) < 1e-9, "whole network " + net
                + ": relative error " + err + ", gradient norm " + whole + "\nanalytic " + Arrays.toString(analytic)
                + "\nnumeric  " + Arrays.toString(numeric) + "\nout " + net.forward(x) + "\ny " + y);
        int k = 0;
        for (Dense l : net.layers()) {
            int n = l.inputCount() * l.outputCount() + l.outputCount();
            double[] a = Arrays.copyOfRange(analytic, k, k + n);
            double[] b = Arrays.copyOfRange(numeric, k, k + n);
            double e = Differences.relativeError(a, b);
            double scale = Math.max(norm(a), norm(b));
            // A relative error is only meaningful for a gradient well above the finite difference's own rounding
            // noise (about 1e-16 / h = 1e-11 per entry); a layer whose gradient has nearly vanished is checked
            // absolutely instead.
            if (scale > 1e-3) {
                assertTrue(e < 1e-7, l + ": relative error " + e + " (gradient norm " + scale + ")");
            } else {
                assertTrue(norm(subtract(a, b)) < 1e-9, l + ": absolute error " + norm(subtract(a, b)));
            }
            k += n;
        }
    }

    private static double norm(double[] v) {
        return Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
    }

    private static double[] subtract(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    @Property(tries = 300)
    void backpropMatchesCentralDifferencesForEveryActivationAndLoss(@ForAll @IntRange(min = 0, max = 100000) int seed,
            @ForAll Activation hidden, @ForAll Loss loss, @ForAll @IntRange(min = 1, max = 4) int h1,
            @ForAll @IntRange(min = 1, max = 3) int h2, @ForAll boolean twoHidden) {
        Rng.reset(seed);
        Activation out = loss == Loss.BCE ? Activation.SIGMOID : hidden;
        int[] sizes = twoHidden ? new int[] {3, h1, h2, 2} : new int[] {3, h1, 2};
        Network net = Network.build(loss, Init.normal(0.8), hidden, out, sizes);
        int mRows = 5;
        SimpleMatrix x = new SimpleMatrix(mRows, 3);
        SimpleMatrix y = new SimpleMatrix(mRows, 2);
        for (int i = 0; i < mRows; i++) {
            for (int j = 0; j < 3; j++) {
                x.set(i, j, Rng.normal());
            }
            for (int j = 0; j < 2; j++) {
                y.set(i, j, loss == Loss.BCE ? Rng.uniform() : Rng.normal());
            }
        }
        net.forward(x);
        for (Dense l : net.layers()) {
            double[] z = l.z().getDDRM().getData();
            for (double v : z) {
                // ReLU has a kink at 0; the probes of size 1e-5 must not cross it. BCE is clipped near 0 and 1.
                Assume.that(l.activation() != Activation.RELU || Math.abs(v) > 1e-3);
                if (loss == Loss.BCE && l == net.layer(net.layers().size() - 1)) {
                    // Far from 0.5 the cross-entropy curves so sharply that a finite difference itself is off.
                    Assume.that(Math.abs(v) < 5);
                }
            }
        }
        assertGradientsMatch(net, x, y);
    }

    @Test
    void gradientsOfATinyNetworkMatchAHandDerivation() {
        // One example, one sigmoid unit, BCE: dL/dw = (a - y) x and dL/db = a - y.
        Dense d = Dense.of(m(new double[][] {{0.3}, {-0.2}}), m(new double[][] {{0.1}}), Activation.SIGMOID);
        Network net = Network.of(Loss.BCE, d);
        SimpleMatrix x = m(new double[][] {{2, 1}});
        double a = 1 / (1 + Math.exp(-(0.6 - 0.2 + 0.1)));
        double[] g = net.gradient(x, m(new double[][] {{1}}));
        assertArrayEquals(new double[] {(a - 1) * 2, (a - 1) * 1, a - 1}, g, 1e-15);
    }

    @Test
    void twoLayerNetworkLearnsXorForAFixedSeed() {
        ToyData.Classification xor = ToyData.xor();
        Rng.reset(42);
        Network net = Network.build(Loss.BCE, Init.xavier(), Activation.SIGMOID, Activation.SIGMOID, 2, 3, 1);
        double[] history = net.fit(xor.x(), xor.y(), 1.0, 3000);
        assertEquals(3001, history.length);
        assertTrue(history[3000] < 0.01, "final loss " + history[3000]);
        assertEquals(1.0, net.accuracy(xor.x(), xor.y()), 0);
        assertEquals(history[3000], net.loss(xor.x(), xor.y()), 1e-15);
    }

    @Test
    void aSingleLinearLayerCannotLearnXor() {
        ToyData.Classification xor = ToyData.xor();
        for (long seed = 0; seed < 5; seed++) {
            Rng.reset(seed);
            Network logistic = Network.build(Loss.BCE, Init.normal(1.0), Activation.SIGMOID, Activation.SIGMOID, 2, 1);
            double[] history = logistic.fit(xor.x(), xor.y(), 1.0, 2000);
            assertTrue(logistic.accuracy(xor.x(), xor.y()) <= 0.75);
            assertTrue(history[2000] >= 0.5, "loss " + history[2000]);
            // The best it can do is the flat answer 0.5 everywhere: loss ln 2.
            assertEquals(Math.log(2), history[2000], 1e-4);
        }
    }

    @Property
    void noLineGetsAllFourXorPointsRight(@ForAll @IntRange(min = 0, max = 1000000) int seed) {
        Rng.reset(seed);
        double w1 = Rng.normal(0, 3);
        double w2 = Rng.normal(0, 3);
        double b = Rng.normal(0, 3);
        Dense d = Dense.of(m(new double[][] {{w1}, {w2}}), m(new double[][] {{b}}), Activation.SIGMOID);
        ToyData.Classification xor = ToyData.xor();
        assertTrue(Network.of(Loss.BCE, d).accuracy(xor.x(), xor.y()) <= 0.75);
    }

    @Test
    void zeroAndConstantInitialisationNeverBreakSymmetry() {
        ToyData.Classification xor = ToyData.xor();
        for (Init init : new Init[] {Init.zeros(), Init.constant(0.3)}) {
            Network net = Network.build(Loss.BCE, init, Activation.SIGMOID, Activation.SIGMOID, 2, 4, 1);
            net.fit(xor.x(), xor.y(), 1.0, 500);
            SimpleMatrix w1 = net.layer(0).weights();
            SimpleMatrix w2 = net.layer(1).weights();
            for (int j = 1; j < 4; j++) {
                for (int i = 0; i < 2; i++) {
                    assertEquals(w1.get(i, 0), w1.get(i, j), 0, init + ": W1 column " + j);
                }
                assertEquals(w2.get(0, 0), w2.get(j, 0), 0, init + ": W2 row " + j);
                assertEquals(net.layer(0).bias().get(0), net.layer(0).bias().get(j), 0);
            }
        }
    }

    @Test
    void invertedDropoutKeepsTheExpectedActivation() {
        Rng.reset(3);
        double p = 0.8;
        int n = 200_000;
        SimpleMatrix a = new SimpleMatrix(1, n);
        a.fill(0.7);
        SimpleMatrix dropped = Dropout.apply(a, p, true);
        double sum = 0;
        int zeros = 0;
        for (int k = 0; k < n; k++) {
            sum += dropped.get(k);
            zeros += dropped.get(k) == 0 ? 1 : 0;
        }
        // Each entry is 0.7/p with probability p, else 0: mean 0.7, standard deviation 0.7 sqrt(1/p - 1).
        double se = 0.7 * Math.sqrt(1 / p - 1) / Math.sqrt(n);
        assertEquals(0.7, sum / n, 4 * se);
        assertEquals(1 - p, (double) zeros / n, 4 * Math.sqrt(p * (1 - p) / n));
        assertTrue(a.isIdentical(Dropout.apply(a, p, false), 0));
    }

    @Test
    void dropoutIsTheIdentityAtInferenceAndBackpropUsesTheMask() {
        Rng.reset(11);
        Network net = Network.of(Loss.MSE, Dense.of(3, 6, Activation.TANH, Init.normal(1)).dropout(0.5),
                Dense.of(6, 1, Activation.IDENTITY, Init.normal(1)));
        Rng.reset(12);
        Network plain = Network.of(Loss.MSE, Dense.of(3, 6, Activation.TANH, Init.normal(1)),
                Dense.of(6, 1, Activation.IDENTITY, Init.normal(1)));
        plain.setParameters(net.parameters());
        SimpleMatrix x = m(new double[][] {{0.1, -0.4, 1.2}, {0.7, 0.2, -0.3}, {-1, 0.5, 0.5}});
        SimpleMatrix y = m(new double[][] {{0.3}, {-0.2}, {1.0}});
        assertTrue(plain.forward(x).isIdentical(net.forward(x), 0));
        // The same seed gives the same mask, so the dropped-out loss is a fixed function to check against.
        Rng.reset(99);
        net.forwardTraining(x);
        net.backward(y);
        double[] analytic = net.gradient();
        double[] numeric = Differences.gradient(p -> {
            net.setParameters(p);
            Rng.reset(99);
            return net.lossFunction().value(y, net.forwardTraining(x));
        }, net.parameters());
        double err = Differences.relativeError(analytic, numeric);
        assertTrue(err < 1e-7, "relative error " + err);
        assertTrue(Arrays.stream(net.layer(0).a().getDDRM().getData()).anyMatch(v -> v == 0), "some units dropped");
    }

    @Test
    void anOptimizerStepEqualsAPlainGradientStep() {
        Optimizer sgd = new Optimizer() {
            @Override
            public void update(double[] params, double[] grads) {
                for (int i = 0; i < params.length; i++) {
                    params[i] -= 0.5 * grads[i];
                }
            }

            @Override
            public void reset() {
            }

            @Override
            public void setLearningRate(double lr) {
            }

            @Override
            public double learningRate() {
                return 0.5;
            }
        };
        ToyData.Classification xor = ToyData.xor();
        Rng.reset(5);
        Network a = Network.build(Loss.BCE, Init.xavier(), Activation.TANH, Activation.SIGMOID, 2, 3, 1);
        Network b = Network.build(Loss.BCE, Init.xavier(), Activation.TANH, Activation.SIGMOID, 2, 3, 1);
        b.setParameters(a.parameters());
        double[] theta = a.parameters();
        double[] grad = a.gradient(xor.x(), xor.y());
        a.step(xor.x(), xor.y(), 0.5);
        b.fit(xor.x(), xor.y(), sgd, 1);
        for (int k = 0; k < theta.length; k++) {
            theta[k] -= 0.5 * grad[k];
        }
        assertArrayEquals(theta, a.parameters(), 1e-15);
        assertArrayEquals(theta, b.parameters(), 1e-15);
    }

    private static void assertMessage(Executable call, String... parts) {
        RuntimeException e = assertThrows(RuntimeException.class, call);
        assertTrue(e instanceof IllegalArgumentException || e instanceof IllegalStateException, e.toString());
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message '" + e.getMessage() + "' should mention '" + p + "'");
        }
    }

    @Test
    void badInputGetsClearMessages() {
        Rng.reset(1);
        Network net = Network.build(Loss.BCE, Init.xavier(), Activation.SIGMOID, Activation.SIGMOID, 2, 3, 1);
        SimpleMatrix x3 = new SimpleMatrix(4, 3);
        SimpleMatrix x = ToyData.xor().x();
        SimpleMatrix y = ToyData.xor().y();
        assertMessage(() -> net.forward(x3), "4x3", "2x3");
        assertMessage(() -> net.fit(x, new SimpleMatrix(3, 1), 0.1, 10), "3x1", "4x1");
        assertMessage(() -> net.fit(x, y, -0.1, 10), "learning rate", "-0.1");
        assertMessage(() -> net.fit(x, y, 0.0, 10), "learning rate", "0.0");
        assertMessage(() -> net.fit(x, y, 0.1, 0), "epochs", "0");
        assertMessage(() -> net.forward(new SimpleMatrix(0, 2)), "empty", "0x2");
        assertMessage(() -> Activation.named("softsign"), "unknown activation", "softsign");
        assertMessage(() -> Network.of(Loss.MSE, Dense.of(2, 3, Activation.TANH, Init.xavier()),
                Dense.of(4, 1, Activation.IDENTITY, Init.xavier())), "3 units", "4 inputs");
        assertMessage(() -> net.setParameters(new double[3]), "13 parameters", "3");
        Network fresh = Network.build(Loss.MSE, Init.xavier(), Activation.TANH, Activation.IDENTITY, 2, 2, 1);
        assertMessage(() -> fresh.backward(y), "forward");
        assertMessage(() -> fresh.layer(0).weightGradient(), "backward");
        assertMessage(() -> Init.normal(-1), "scale", "-1");
        assertMessage(() -> Dropout.mask(2, 2, 0.0), "keep probability", "0.0");
        assertMessage(() -> Dense.of(2, 2, Activation.TANH, Init.xavier()).setWeights(new SimpleMatrix(3, 2)),
                "2x2", "3x2");
        assertMessage(() -> net.step(x, y, Double.NaN), "learning rate", "NaN");
    }

    @Test
    void accuracyOfSeveralOutputsIsTheFractionOfRightEntries() {
        // Two sigmoid outputs with W = [[10, 0], [0, -10]], b = 0. Rows (1, 1), (-1, 1), (1, -1) give z = (10, -10),
        // (-10, -10), (10, 10), so the 0/1 predictions are (1, 0), (0, 0), (1, 1). Against the labels (1, 0), (0, 1),
        // (1, 1), five of the six entries agree: 5/6.
        Network net = Network.of(Loss.BCE, Dense.of(m(new double[][] {{10, 0}, {0, -10}}), m(new double[][] {{0, 0}}),
                Activation.SIGMOID));
        SimpleMatrix x = m(new double[][] {{1, 1}, {-1, 1}, {1, -1}});
        SimpleMatrix y = m(new double[][] {{1, 0}, {0, 1}, {1, 1}});
        assertEquals(5.0 / 6, net.accuracy(x, y), 1e-15);
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 1}, net.predict(x).getDDRM().getData(), 0.0);
    }

    @Test
    void theForwardPassIsOneComputation() {
        // Training forward (with caches), inference and one point at a time: the same numbers, to the bit.
        Rng.reset(21);
        Network net = Network.build(Loss.BCE, Init.xavier(), Activation.TANH, Activation.SIGMOID, 2, 4, 1);
        SimpleMatrix x = m(new double[][] {{0.3, -1.2}, {2.0, 0.5}});
        SimpleMatrix p = net.predictProbability(x);
        assertArrayEquals(p.getDDRM().getData(), net.forward(x).getDDRM().getData(), 0.0);
        assertEquals(p.get(1, 0), net.probability(new double[] {2.0, 0.5}), 0.0);
    }

    @Test
    void aDivergingRunSaysSoInsteadOfReturningNaN() {
        SimpleMatrix x = m(new double[][] {{1, 2}, {3, 4}});
        SimpleMatrix y = m(new double[][] {{100}, {-100}});
        Rng.reset(2);
        Network net = Network.build(Loss.MSE, Init.normal(1), Activation.IDENTITY, Activation.IDENTITY, 2, 3, 1);
        DivergenceException e = assertThrows(DivergenceException.class, () -> net.fit(x, y, 10.0, 200));
        // The message names the step, the loss and the learning rate, and the exception carries them.
        assertTrue(e.getMessage().contains("diverged at step " + e.step()), e.getMessage());
        assertTrue(e.getMessage().contains("learning rate 10"), e.getMessage());
        assertTrue(e.step() >= 1 && e.learningRate() == 10.0, e.toString());
        assertTrue(!Double.isFinite(e.loss()) || e.loss() > 1e6 * e.history().losses()[0], e.toString());
        assertEquals(e.step() + 1, e.history().losses().length);
    }

    @Test
    void initialisationSchemesHaveTheirScales() {
        Rng.reset(8);
        double[] xavier = Init.xavier().draw(200, 300);
        double r = Math.sqrt(6.0 / 500);
        assertTrue(Arrays.stream(xavier).allMatch(v -> Math.abs(v) <= r));
        // Uniform(-r, r) has variance r^2 / 3 = 2 / (nIn + nOut).
        assertEquals(2.0 / 500, Arrays.stream(xavier).map(v -> v * v).average().orElseThrow(), 2e-4);
        double[] he = Init.he().draw(50, 2000);
        assertEquals(2.0 / 50, Arrays.stream(he).map(v -> v * v).average().orElseThrow(), 2e-3);
        assertArrayEquals(new double[6], Init.zeros().draw(2, 3), 0);
    }
}
