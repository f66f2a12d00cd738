package mlfoundations.optim;

/**
 * Thrown when a run goes away instead of settling, so that a diverging run is never returned as a silent NaN or
 * Infinity: the loss (or a point, or a gradient) became NaN or infinite, or grew beyond its bound. The message names
 * the step, the loss and the learning rate; so do {@link #step()}, {@link #loss()} and {@link #learningRate()}.
 * {@link Minimizer} and {@link GradientDescent} (a function of a few variables) also hand back the finite part of
 * the run as a {@link Trajectory}; {@link TrainingLoop} (a model on data) hands back the loss history so far.
 */
public final class DivergenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int step;
    private final double loss;
    private final double learningRate;
    private final transient Trajectory trajectory;
    private final transient TrainingHistory history;

    /** A minimizer's divergence at {@code step}, with f there and every finite point up to there. */
    public DivergenceException(String message, int step, double loss, double learningRate, Trajectory trajectory) {
        this(message, step, loss, learningRate, trajectory, null);
    }

    /** A training loop's divergence at {@code step} (updates made so far), with the losses recorded up to there. */
    public DivergenceException(String message, int step, double loss, double learningRate, TrainingHistory history) {
        this(message, step, loss, learningRate, null, history);
    }

    private DivergenceException(String message, int step, double loss, double learningRate, Trajectory trajectory,
            TrainingHistory history) {
        super(message);
        this.step = step;
        this.loss = loss;
        this.learningRate = learningRate;
        this.trajectory = trajectory;
        this.history = history;
    }

    /**
     * A training run's divergence, in the one wording every training loop uses: at {@code step} (updates made so
     * far), in {@code epoch} (from 1), the loss became {@code loss} (non-finite, or more than
     * {@link TrainingLoop#DIVERGENCE_FACTOR} times its value {@code start} before training) with this learning rate.
     */
    public static DivergenceException training(int step, int epoch, double loss, double start, double learningRate,
            TrainingHistory history) {
        String what = Double.isFinite(loss)
                ? "the loss went from " + Trajectory.num(start) + " to " + Trajectory.num(loss) + ", more than "
                        + Trajectory.num(TrainingLoop.DIVERGENCE_FACTOR) + " times its start"
                : "the loss is " + loss + " (it started at " + Trajectory.num(start) + ")";
        return new DivergenceException("training diverged at step " + step + " (epoch " + epoch + "): " + what
                + ", with learning rate " + Trajectory.num(learningRate) + ". Try a smaller learning rate"
                + " (and check that the features are scaled).", step, loss, learningRate, history);
    }

    /** The step at which the run was seen to diverge (step 1 is the first update away from the start). */
    public int step() {
        return step;
    }

    /** The loss (the value of f for a minimizer) at that step; may be NaN or infinite. */
    public double loss() {
        return loss;
    }

    /** The learning rate (step size) the run used. */
    public double learningRate() {
        return learningRate;
    }

    /** For a {@link Minimizer} run: every finite point, value and gradient up to the divergence; else null. */
    public Trajectory trajectory() {
        return trajectory;
    }

    /** For a {@link TrainingLoop} run: the losses recorded up to the divergence; else null. */
    public TrainingHistory history() {
        return history;
    }
}
