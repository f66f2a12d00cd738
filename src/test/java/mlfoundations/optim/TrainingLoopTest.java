package mlfoundations.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mlfoundations.data.Batches;

class TrainingLoopTest {

    /**
     * L(theta) = (1/m) sum_i (theta - t_i)^2 over m targets t_i: its minimum is the mean of the t_i, its gradient
     * 2 (theta - mean over the batch). One parameter, so every step can be worked out by hand.
     */
    private static class MeanFit implements Trainable {
        final double[] theta;
        final double[] grad = new double[1];
        final double[] t;

        MeanFit(double start, double... targets) {
            theta = new double[] {start};
            t = targets;
        }

        @Override
        public double[][] parameters() {
            return new double[][] {theta};
        }

        @Override
        public double lossAndGradient(int[] examples) {
            double loss = 0;
            double g = 0;
            for (int i : examples) {
                double d = theta[0] - t[i];
                loss += d * d / examples.length;
                g += 2 * d / examples.length;
            }
            grad[0] = g;
            return loss;
        }

        @Override
        public double[][] gradients() {
            return new double[][] {grad};
        }

        @Override
        public double loss() {
            int[] all = new int[t.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            double saved = grad[0];
            double loss = lossAndGradient(all);
            grad[0] = saved;
            return loss;
        }

        @Override
        public int examples() {
            return t.length;
        }
    }

    @Test
    void fullBatchSgdFollowsTheClosedForm() {
        // Targets -1 and 1 (mean 0): L = theta^2 + 1, and a step is theta - alpha 2 theta = (1 - 2 alpha) theta.
        // With alpha = 0.25 the factor is 1/2: theta_k = 8 / 2^k, L_k = 64 / 4^k + 1, all exact in floating point.
        MeanFit model = new MeanFit(8, -1, 1);
        TrainingHistory h = TrainingLoop.run(model, new Sgd(0.25), Batches.full(2), 5);
        double[] expected = new double[6];
        for (int k = 0; k <= 5; k++) {
            expected[k] = 64 / Math.pow(4, k) + 1;
        }
        assertArrayEquals(expected, h.losses(), 0.0);
        assertArrayEquals(java.util.Arrays.copyOf(expected, 5), h.batchLosses(), 0.0, "the loss before each step");
        assertEquals(0.25, model.theta[0], 0.0);
        assertEquals(expected[5], h.last(), 0.0);
    }

    @Test
    void aScheduleSetsTheRateOfEachEpochAndIsUndoneAfterwards() {
        // Rates 0.25 then 0.125: theta = 8 * (1 - 0.5) * (1 - 0.25) = 3.
        MeanFit model = new MeanFit(8, -1, 1);
        Sgd sgd = new Sgd(0.25);
        TrainingLoop.run(model, sgd, Batches.full(2), 2, epoch -> 0.25 / (1 + epoch));
        assertEquals(3.0, model.theta[0], 0.0);
        assertEquals(0.25, sgd.learningRate(), 0.0);
    }

    @Test
    void divergenceNamesTheStepTheLossAndTheLearningRate() {
        // alpha = 1.5: the factor is 1 - 3 = -2, so theta_k = (-2)^k and L_k - 1 = 4^k (targets -1 and 1, start 1,
        // L_0 = 2). L_k > 1e6 * 2 first when 4^k + 1 > 2e6, at k = 11 (4^11 = 4194304); the loss there is 4194305.
        MeanFit model = new MeanFit(1, -1, 1);
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> TrainingLoop.run(model, new Sgd(1.5), Batches.full(2), 100));
        assertEquals(11, e.step());
        assertEquals(4194305.0, e.loss(), 0.0);
        assertEquals(1.5, e.learningRate(), 0.0);
        assertTrue(e.getMessage().contains("step 11") && e.getMessage().contains("4194305")
                && e.getMessage().contains("learning rate 1.5"), e.getMessage());
        assertEquals(12, e.history().losses().length, "the start and the 11 epochs before it stopped");
        assertEquals(4194305.0, e.history().last(), 0.0);
    }

    @Test
    void aNanLossIsADivergenceToo() {
        MeanFit model = new MeanFit(1, -1, 1) {
            @Override
            public double lossAndGradient(int[] examples) {
                return Double.NaN;
            }

            @Override
            public double loss() {
                return 2.0;
            }
        };
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> TrainingLoop.run(model, new Sgd(0.1), Batches.full(2), 3));
        assertEquals(0, e.step());
        assertTrue(Double.isNaN(e.loss()) && e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void stochasticBatchesVisitEveryExampleOncePerEpoch() {
        // Batch size 1 over 3 examples: 3 updates per epoch, so 2 epochs record 6 batch losses and 3 epoch losses.
        mlfoundations.stats.Rng.reset(1);
        MeanFit model = new MeanFit(0, 1, 2, 3);
        TrainingHistory h = TrainingLoop.run(model, new Sgd(0.01), Batches.stochastic(3), 2);
        assertEquals(6, h.batchLosses().length);
        assertEquals(3, h.losses().length);
        assertTrue(h.last() < h.losses()[0], "the loss went down: " + h);
    }

    @Test
    void badSetUpIsRejectedClearly() {
        MeanFit model = new MeanFit(0, 1, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingLoop.run(model, new Sgd(0.1), Batches.full(3), 1));
        assertTrue(e.getMessage().contains("3 examples") && e.getMessage().contains("model has 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainingLoop.run(model, new Sgd(0.1), Batches.full(2), 0));
        assertTrue(e.getMessage().contains("epochs") && e.getMessage().contains("0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainingLoop.run(model, null, Batches.full(2), 1));
        assertTrue(e.getMessage().contains("no optimizer"), e.getMessage());
    }
}
