package mlfoundations.models;

import java.util.Arrays;
import java.util.Locale;

/**
 * The non-linearity g applied element by element after a layer's linear part, a = g(z), with its derivative g'(z)
 * that backpropagation multiplies in ({@code torch.sigmoid}, {@code torch.tanh}, {@code torch.relu}, or nothing).
 */
public enum Activation {

    /** sigmoid(z) = 1 / (1 + e^-z), squashing to (0, 1); derivative sigmoid(z) (1 - sigmoid(z)). */
    SIGMOID {
        @Override
        public double value(double z) {
            // Two forms so that e^z is only ever taken of a non-positive number: no overflow for large |z|.
            if (z >= 0) {
                return 1.0 / (1.0 + Math.exp(-z));
            }
            double e = Math.exp(z);
            return e / (1.0 + e);
        }

        @Override
        public double derivative(double z) {
            double s = value(z);
            return s * (1 - s);
        }
    },

    /** tanh(z), squashing to (-1, 1); derivative 1 - tanh(z)^2. */
    TANH {
        @Override
        public double value(double z) {
            return Math.tanh(z);
        }

        @Override
        public double derivative(double z) {
            double t = Math.tanh(z);
            return 1 - t * t;
        }
    },

    /** relu(z) = max(0, z); derivative 1 for z > 0 and 0 for z <= 0 (at the kink z = 0 we take 0, as PyTorch does). */
    RELU {
        @Override
        public double value(double z) {
            return z > 0 ? z : 0.0;
        }

        @Override
        public double derivative(double z) {
            return z > 0 ? 1.0 : 0.0;
        }
    },

    /** identity(z) = z (no activation: a linear output); derivative 1. */
    IDENTITY {
        @Override
        public double value(double z) {
            return z;
        }

        @Override
        public double derivative(double z) {
            return 1.0;
        }
    };

    /** The activation g(z). */
    public abstract double value(double z);

    /** The derivative g'(z), evaluated at the pre-activation z (not at the output a). */
    public abstract double derivative(double z);

    /** The activation with this name, ignoring case ("sigmoid", "TANH", ...); unknown names throw. */
    public static Activation named(String name) {
        if (name == null) {
            throw new IllegalArgumentException("activation name must not be null; choose one of "
                    + Arrays.toString(values()));
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown activation '" + name + "'; choose one of "
                    + Arrays.toString(values()), e);
        }
    }
}
