package mlfoundations.optim;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Adam: momentum and RMSprop together, with bias correction. Per component, with m and v starting at 0 and t the
 * step count (1 on the first step):
 * <pre>
 *   m &lt;- beta1 m + (1 - beta1) g          running mean of gradients (first moment)
 *   v &lt;- beta2 v + (1 - beta2) g^2        running mean of squared gradients (second moment)
 *   mHat = m / (1 - beta1^t),  vHat = v / (1 - beta2^t)     undo the pull towards the zero start
 *   theta &lt;- theta - lr mHat / (sqrt(vHat) + eps)
 * </pre>
 * On the first step mHat = g and vHat = g^2, so every component moves by lr (times the sign of g) whatever the size
 * of g. PyTorch: {@code torch.optim.Adam(params, lr=lr, betas=(beta1, beta2), eps=eps)}. State (m, v, t) is kept per
 * parameter array.
 */
public final class Adam implements Optimizer {

    private static final class State {
        final double[] m;
        final double[] v;
        int t;

        State(int n) {
            m = new double[n];
            v = new double[n];
        }
    }

    private double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final Map<double[], State> states = new IdentityHashMap<>();

    /** Adam with learning rate {@code lr} and the published defaults beta1 = 0.9, beta2 = 0.999, eps = 1e-8. */
    public Adam(double lr) {
        this(lr, 0.9, 0.999, 1e-8);
    }

    /** Adam with learning rate {@code lr} (&gt; 0), decays {@code beta1}, {@code beta2} in [0, 1) and {@code eps} (&gt; 0). */
    public Adam(double lr, double beta1, double beta2, double eps) {
        this.lr = Hyper.learningRate(lr);
        this.beta1 = Hyper.decay("Adam beta1", beta1);
        this.beta2 = Hyper.decay("Adam beta2", beta2);
        this.eps = Hyper.epsilon(eps);
    }

    /** One Adam step on {@code params}, in place (see the class comment for the rule). */
    @Override
    public void update(double[] params, double[] grads) {
        Hyper.pair(params, grads);
        State s = states.computeIfAbsent(params, p -> new State(p.length));
        s.t++;
        double correct1 = 1 - Math.pow(beta1, s.t);
        double correct2 = 1 - Math.pow(beta2, s.t);
        for (int i = 0; i < params.length; i++) {
            double g = grads[i];
            s.m[i] = beta1 * s.m[i] + (1 - beta1) * g;
            s.v[i] = beta2 * s.v[i] + (1 - beta2) * g * g;
            double mHat = s.m[i] / correct1;
            double vHat = s.v[i] / correct2;
            params[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
        }
    }

    /** Forgets every running mean and step count. */
    @Override
    public void reset() {
        states.clear();
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        this.lr = Hyper.learningRate(lr);
    }

    /** The decay of the running mean of gradients. */
    public double beta1() {
        return beta1;
    }

    /** The decay of the running mean of squared gradients. */
    public double beta2() {
        return beta2;
    }

    /** The constant eps added to the root before dividing. */
    public double eps() {
        return eps;
    }

    @Override
    public String toString() {
        return "Adam(lr=" + lr + ", beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + eps + ")";
    }
}
