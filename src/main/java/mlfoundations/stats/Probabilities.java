package mlfoundations.stats;

/** The argument checks the distributions share, so every class words its errors the same way. */
final class Probabilities {

    private Probabilities() {
    }

    /** Throws unless {@code p} is a probability, naming {@code what} and the value received. */
    static double requireProbability(String what, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + " must be a probability in [0, 1], got " + p);
        }
        return p;
    }

    /** Throws unless {@code size} is a usable number of draws. */
    static void requireSize(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("number of draws must be >= 0, got " + size);
        }
    }

    /** Throws unless {@code x} is a finite number (a NaN would otherwise pass silently through every formula). */
    static double requireFinite(String what, double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(what + " must be a finite number, got " + x);
        }
        return x;
    }
}
