package mlfoundations.autograd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The graph engine's gradients against central differences on random expressions over three inputs.
 *
 * <p>Each operation is applied where it is well conditioned, so the finite difference is a fair referee: log and the
 * reciprocal see {@code a^2 + 0.5 >= 0.5}, exp sees {@code sin(a)} in [-1, 1]; sums and products of depth at most 4
 * over inputs in [-2, 2] stay below about 2^16. The tolerance follows from the central difference's two errors:
 * round-off about {@code k eps M / h} for k operations and largest magnitude M met (with h = 1e-5 and at most ~100
 * operations, below 3e-9 M; we allow 1e-8 (1 + M)); truncation is measured rather than guessed, since D(h) - D(2h)
 * is about three times D(h)'s truncation error, and we allow twice that on top. A wrong rule disagrees with D(h) and
 * D(2h) alike, so this does not hide it.
 */
class NodeGradientPropertiesTest {

    private static final int MAX_DEPTH = 4;
    private static final double H = 1e-5;

    private interface Expr {
        double eval(double[] x, double[] maxAbs);

        Node build(Node[] x);
    }

    private static final class Reader {
        final List<Integer> codes;
        int next;

        Reader(List<Integer> codes) {
            this.codes = codes;
        }

        int take() {
            return codes.get(next++ % codes.size());
        }
    }

    private static double track(double v, double[] m) {
        m[0] = Math.max(m[0], Math.abs(v));
        return v;
    }

    private static Expr tree(Reader r, int depth) {
        int code = r.take();
        if (depth >= MAX_DEPTH || code % 9 == 0) {
            int i = code % 3;
            return new Expr() {
                public double eval(double[] x, double[] m) {
                    return track(x[i], m);
                }

                public Node build(Node[] x) {
                    return x[i];
                }
            };
        }
        int op = (code / 9) % 8;
        Expr a = tree(r, depth + 1);
        Expr b = op < 2 ? tree(r, depth + 1) : null;
        return new Expr() {
            public double eval(double[] x, double[] m) {
                double u = a.eval(x, m);
                double v = switch (op) {
                    case 0 -> u + b.eval(x, m);
                    case 1 -> u * b.eval(x, m);
                    case 2 -> Math.sin(u);
                    case 3 -> Math.cos(u);
                    case 4 -> Math.exp(Math.sin(u));
                    case 5 -> Math.log(u * u + 0.5);
                    case 6 -> 1 / (u * u + 0.5);
                    default -> 1 / (1 + Math.exp(-u));
                };
                return track(v, m);
            }

            public Node build(Node[] x) {
                Node u = a.build(x);
                return switch (op) {
                    case 0 -> u.add(b.build(x));
                    case 1 -> u.mul(b.build(x));
                    case 2 -> u.sin();
                    case 3 -> u.cos();
                    case 4 -> u.sin().exp();
                    case 5 -> u.mul(u).add(0.5).log();
                    case 6 -> u.mul(u).add(0.5).reciprocal();
                    default -> u.sigmoid();
                };
            }
        };
    }

    private static double central(Expr e, double[] x, int k, double h, double[] m) {
        double[] up = x.clone();
        double[] down = x.clone();
        up[k] += h;
        down[k] -= h;
        return (e.eval(up, m) - e.eval(down, m)) / (2 * h);
    }

    @Property(tries = 300)
    void backwardAgreesWithCentralDifferences(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 10_000) Integer> codes,
            @ForAll @DoubleRange(min = -2, max = 2) double x0,
            @ForAll @DoubleRange(min = -2, max = 2) double x1,
            @ForAll @DoubleRange(min = -2, max = 2) double x2) {
        Expr e = tree(new Reader(codes), 0);
        double[] x = {x0, x1, x2};
        Node[] in = {Node.input("x0", x0), Node.input("x1", x1), Node.input("x2", x2)};
        Node f = e.build(in);
        double[] m = {0};
        double value = f.forward();
        double reference = e.eval(x, m);
        assertTrue(Math.abs(value - reference) <= 1e-12 * (1 + m[0]), "forward " + value + " vs " + reference);
        f.backward();
        for (int k = 0; k < 3; k++) {
            double dh = central(e, x, k, H, m);
            double d2h = central(e, x, k, 2 * H, m);
            double tol = 1e-8 * (1 + m[0]) + 2 * Math.abs(dh - d2h);
            assertTrue(Math.abs(in[k].grad() - dh) <= tol, "d/dx" + k + ": backward " + in[k].grad()
                    + ", central difference " + dh + ", tolerance " + tol);
        }
    }

    @Property(tries = 100)
    void symbolicGradientAgreesWithBackward(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 10_000) Integer> codes,
            @ForAll @DoubleRange(min = -2, max = 2) double x0,
            @ForAll @DoubleRange(min = -2, max = 2) double x1,
            @ForAll @DoubleRange(min = -2, max = 2) double x2) {
        // Same chain-rule sums, built as nodes instead of numbers: they differ only by the order of rounding.
        Node[] in = {Node.input("x0", x0), Node.input("x1", x1), Node.input("x2", x2)};
        Node f = tree(new Reader(codes), 0).build(in);
        f.forward();
        f.backward();
        double[] numeric = {in[0].grad(), in[1].grad(), in[2].grad()};
        Node[] g = Node.gradient(f, in);
        for (int k = 0; k < 3; k++) {
            double symbolic = g[k].forward();
            assertTrue(Math.abs(symbolic - numeric[k]) <= 1e-12 * (1 + Math.abs(numeric[k])) * 1e3,
                    "d/dx" + k + ": symbolic " + symbolic + ", backward " + numeric[k]);
        }
    }
}
