package mlfoundations.optim;

/**
 * Thrown when gradient descent runs away instead of settling: a value became NaN or infinite, or the point left the
 * divergence bound. It says at which step and where, and it carries the finite part of the run for plotting, so a
 * diverging run is never returned as a silent NaN or Infinity.
 */
public final class DivergenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Trajectory trajectory;
    private final int step;

    /** A divergence detected at {@code step}; {@code trajectory} holds every finite point up to there. */
    public DivergenceException(String message, int step, Trajectory trajectory) {
        super(message);
        this.step = step;
        this.trajectory = trajectory;
    }

    /** The step at which the run was seen to diverge (step 1 is the first move away from the start). */
    public int step() {
        return step;
    }

    /** The run up to the divergence: all its finite points, values and gradients, with reason DIVERGED. */
    public Trajectory trajectory() {
        return trajectory;
    }
}
