package mlfoundations.optim;

import java.util.function.IntToDoubleFunction;

import mlfoundations.data.Batches;

/**
 * The one training loop of the course, for every model that can say its loss and its gradient ({@link Trainable}),
 * with any {@link Optimizer} rule:
 * <pre>
 *   record L(theta) on all the data
 *   for each epoch:
 *       for each batch of examples (all m, one, or b at a time: {@link Batches}):
 *           L = loss on the batch, dL/dtheta = its gradient     forward pass, loss, backward pass
 *           theta &lt;- optimizer step                             SGD: theta &lt;- theta - alpha dL/dtheta
 *       record L(theta) on all the data; stop if it blew up
 * </pre>
 * In PyTorch: {@code for epoch in range(epochs): for xb, yb in loader: loss = loss_fn(model(xb), yb);
 * opt.zero_grad(); loss.backward(); opt.step()}. A run whose loss becomes NaN or infinite, or grows beyond
 * {@link #DIVERGENCE_FACTOR} times its start, throws a {@link DivergenceException} naming the step, the loss and the
 * learning rate. A learning-rate {@link Schedule} and {@link EarlyStopping} on a validation split are options of the
 * same loop. The optimizer keeps its state between runs (call {@link Optimizer#reset()} for a fresh start).
 */
public final class TrainingLoop {

    /**
     * A loss more than this many times its value before training counts as diverged. A small enough step never
     * raises a smooth loss for long, so growth by a factor of a million means the steps overshoot further each time.
     */
    public static final double DIVERGENCE_FACTOR = 1e6;

    private TrainingLoop() {
    }

    /** Trains {@code model} for {@code epochs} passes over the batches, at the optimizer's learning rate. */
    public static TrainingHistory run(Trainable model, Optimizer optimizer, Batches batches, int epochs) {
        return run(model, optimizer, batches, epochs, null);
    }

    /**
     * Trains {@code model} with a learning-rate schedule: {@code schedule} gives the learning rate of epoch e
     * (e = 0, 1, ...), for example {@code e -> lr / (1 + decay * e)}; null keeps the optimizer's own rate. The
     * optimizer's rate is put back afterwards.
     */
    public static TrainingHistory run(Trainable model, Optimizer optimizer, Batches batches, int epochs,
            IntToDoubleFunction schedule) {
        return run(model, optimizer, batches, epochs, schedule, null);
    }

    /**
     * Trains {@code model} for at most {@code epochs} epochs with a schedule (or null) and early stopping (or null):
     * after each epoch {@code stopping} measures the validation loss and may end the run; at the end the parameters
     * of the best validation epoch are put back. The history then holds the training losses up to the epoch the run
     * stopped at (so its last value belongs to that epoch, not to the restored parameters).
     */
    public static TrainingHistory run(Trainable model, Optimizer optimizer, Batches batches, int epochs,
            IntToDoubleFunction schedule, EarlyStopping stopping) {
        check(model, optimizer, batches, epochs);
        if (schedule instanceof Schedule s && s.warmupSteps() >= epochs) {
            throw new IllegalArgumentException("the schedule's warm-up of " + s.warmupSteps() + " epochs is not shorter"
                    + " than the run of " + epochs + " epochs; train longer or warm up for fewer epochs");
        }
        double[][] theta = model.parameters();
        double[] losses = new double[epochs + 1];
        double[] batchLosses = new double[epochs * batches.batchesPerEpoch()];
        TrainingHistory history = new TrainingHistory(losses, batchLosses);
        losses[0] = model.loss();
        if (!Double.isFinite(losses[0])) {
            throw new IllegalArgumentException("the loss before training is " + losses[0]
                    + "; check the data and the starting parameters");
        }
        double rate = optimizer.learningRate();
        int step = 0;
        int ran = epochs;
        if (stopping != null) {
            stopping.start(theta, epochs);
        }
        try {
            for (int epoch = 0; epoch < epochs; epoch++) {
                if (schedule != null) {
                    optimizer.setLearningRate(schedule.applyAsDouble(epoch));
                }
                for (int[] batch : batches.epoch()) {
                    double loss = model.lossAndGradient(batch);          // forward, loss, backward
                    double[][] grads = model.gradients();
                    if (!Double.isFinite(loss) || !allFinite(grads)) {
                        throw DivergenceException.training(step, epoch + 1, loss, losses[0], optimizer.learningRate(),
                                history.upTo(epoch, step));
                    }
                    batchLosses[step] = loss;
                    for (int p = 0; p < theta.length; p++) {
                        optimizer.update(theta[p], grads[p]);            // SGD: theta <- theta - alpha dtheta
                    }
                    step++;
                }
                losses[epoch + 1] = model.loss();
                if (!Double.isFinite(losses[epoch + 1]) || losses[epoch + 1] > DIVERGENCE_FACTOR * losses[0]) {
                    throw DivergenceException.training(step, epoch + 1, losses[epoch + 1], losses[0],
                            optimizer.learningRate(), history.upTo(epoch + 1, step));
                }
                if (stopping != null && stopping.afterEpoch(epoch + 1, theta)) {
                    ran = epoch + 1;
                    break;
                }
            }
        } finally {
            optimizer.setLearningRate(rate);
        }
        if (stopping == null) {
            return history;
        }
        stopping.restoreBest(theta);
        return history.upTo(ran, step);
    }

    private static void check(Trainable model, Optimizer optimizer, Batches batches, int epochs) {
        if (model == null || optimizer == null || batches == null) {
            throw new IllegalArgumentException("training needs a model, an optimizer and the batches, got "
                    + (model == null ? "no model" : "a model") + ", " + (optimizer == null ? "no optimizer" : optimizer)
                    + " and " + (batches == null ? "no batches" : batches));
        }
        if (epochs <= 0) {
            throw new IllegalArgumentException("number of epochs (iterations) must be > 0, got " + epochs);
        }
        if (batches.examples() != model.examples()) {
            throw new IllegalArgumentException("the batches are cut from " + batches.examples()
                    + " examples but the model has " + model.examples() + "; make them with Batches.of(m, ...)");
        }
    }

    private static boolean allFinite(double[][] arrays) {
        for (double[] a : arrays) {
            for (double v : a) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }
}
