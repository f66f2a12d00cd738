package mlfoundations.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Value's gradients against central differences on random expression trees over three variables.
 *
 * <p>The trees are built from a list of random codes, and every operation is applied where it is well conditioned,
 * so the finite difference is a fair reference: log and fractional/negative powers see {@code a^2 + 0.5 >= 0.5},
 * division divides by {@code b^2 + 0.5}, exp sees {@code 2 tanh(a)} in [-2, 2], and sums and products of at most
 * depth 4 over inputs in [-2, 2] stay below 2^16. relu's kink is the one place a finite difference is wrong, so
 * trees that put a relu argument within 0.05 of 0 are skipped (a few per cent): a steep subtree can move the
 * argument by more than 1e-3 within the difference's +/- 2h.
 *
 * <p>The tolerance follows from the central difference's two errors. Round-off is about {@code k eps M / h} for k
 * operations, where M is the largest magnitude met while evaluating: with h = 1e-5 and at most about 100 operations,
 * below {@code 3e-9 M}; we allow {@code 1e-8 (1 + M)}. Truncation, {@code h^2 |f'''| / 6}, can be large where the
 * tree is steep, so it is measured rather than guessed: D(h) - D(2h) is about three times D(h)'s truncation error,
 * and we allow twice that difference on top. A wrong derivative rule makes autograd disagree with D(h) and D(2h)
 * alike, which this does not hide (a 1e-4 relative slip in log's rule fails at once).
 */
class ValueGradientPropertiesTest {

    private static final int MAX_DEPTH = 4;
    private static final double H = 1e-5;

    /** A tiny expression tree that can be evaluated with plain doubles (the reference) and built as Values. */
    private interface Expr {
        double eval(double[] x, double[] maxAbs);

        Value build(Value[] x);
    }

    private static final class Reader {
        final List<Integer> codes;
        int next;

        Reader(List<Integer> codes) {
            this.codes = codes;
        }

        int take() {
            int c = codes.get(next % codes.size());
            next++;
            return c;
        }
    }

    private static double track(double v, double[] maxAbs) {
        maxAbs[0] = Math.max(maxAbs[0], Math.abs(v));
        return v;
    }

    private static Expr tree(Reader r, int depth) {
        int code = r.take();
        if (depth >= MAX_DEPTH || code % 11 == 0) {
            int i = code % 3;
            return new Expr() {
                public double eval(double[] x, double[] m) {
                    return track(x[i], m);
                }

                public Value build(Value[] x) {
                    return x[i];
                }
            };
        }
        int op = (code / 11) % 11;
        Expr a = tree(r, depth + 1);
        Expr b = op <= 4 ? tree(r, depth + 1) : null;
        switch (op) {
            case 0:
                return of((x, m) -> a.eval(x, m) + b.eval(x, m), x -> a.build(x).add(b.build(x)));
            case 1:
                return of((x, m) -> a.eval(x, m) - b.eval(x, m), x -> a.build(x).sub(b.build(x)));
            case 2:
                return of((x, m) -> a.eval(x, m) * b.eval(x, m), x -> a.build(x).mul(b.build(x)));
            case 3:
                return of((x, m) -> {
                    double d = b.eval(x, m);
                    return a.eval(x, m) / track(d * d + 0.5, m);
                }, x -> {
                    Value d = b.build(x);
                    return a.build(x).div(d.mul(d).add(0.5));
                });
            case 4:
                return of((x, m) -> a.eval(x, m) * 0.75 + b.eval(x, m), x -> a.build(x).mul(0.75).add(b.build(x)));
            case 5:
                return of((x, m) -> Math.exp(2 * Math.tanh(a.eval(x, m))), x -> a.build(x).tanh().mul(2).exp());
            case 6:
                return of((x, m) -> {
                    double v = a.eval(x, m);
                    return Math.log(track(v * v + 0.5, m));
                }, x -> {
                    Value v = a.build(x);
                    return v.mul(v).add(0.5).log();
                });
            case 7:
                return of((x, m) -> Math.tanh(a.eval(x, m)), x -> a.build(x).tanh());
            case 8:
                return of((x, m) -> 1 / (1 + Math.exp(-a.eval(x, m))), x -> a.build(x).sigmoid());
            case 9: {
                double p = new double[] {-1.5, -1, 0.5, 2.5}[(code / 121) % 4];
                return of((x, m) -> {
                    double v = a.eval(x, m);
                    return Math.pow(track(v * v + 0.5, m), p);
                }, x -> {
                    Value v = a.build(x);
                    return v.mul(v).add(0.5).pow(p);
                });
            }
            default: {
                if ((code / 121) % 2 == 0) {
                    int p = 2 + (code / 242) % 2;     // an integer power of any sign of base
                    return of((x, m) -> Math.pow(a.eval(x, m), p), x -> a.build(x).pow(p));
                }
                return of((x, m) -> {
                    double v = a.eval(x, m);
                    Assume.that(Math.abs(v) > 0.05);
                    return Math.max(0, v);
                }, x -> a.build(x).relu());
            }
        }
    }

    private interface Eval {
        double eval(double[] x, double[] maxAbs);
    }

    private static Expr of(Eval e, java.util.function.Function<Value[], Value> b) {
        return new Expr() {
            public double eval(double[] x, double[] m) {
                return track(e.eval(x, m), m);
            }

            public Value build(Value[] x) {
                return b.apply(x);
            }
        };
    }

    @Property(tries = 300)
    void gradientsMatchCentralDifferences(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 100_000) Integer> codes,
            @ForAll @DoubleRange(min = -2, max = 2) double x0,
            @ForAll @DoubleRange(min = -2, max = 2) double x1,
            @ForAll @DoubleRange(min = -2, max = 2) double x2) {
        Expr f = tree(new Reader(codes), 0);
        double[] point = {x0, x1, x2};
        double[] maxAbs = {0};
        double f0 = f.eval(point, maxAbs);

        Value[] vars = {Value.of(x0), Value.of(x1), Value.of(x2)};
        Value out = f.build(vars);
        assertEquals(f0, out.data(), 1e-12 * (1 + maxAbs[0]), "forward value");
        out.backward();

        for (int i = 0; i < 3; i++) {
            double[] plus = point.clone();
            double[] minus = point.clone();
            plus[i] += H;
            minus[i] -= H;
            double numeric = (f.eval(plus, maxAbs) - f.eval(minus, maxAbs)) / (2 * H);
            plus[i] += H;
            minus[i] -= H;
            double numeric2h = (f.eval(plus, maxAbs) - f.eval(minus, maxAbs)) / (4 * H);
            // Truncation error of D(h) is about |D(h) - D(2h)| / 3; allow twice that difference, plus round-off.
            double tol = 1e-8 * (1 + maxAbs[0]) + 2 * Math.abs(numeric - numeric2h);
            assertTrue(Math.abs(vars[i].grad() - numeric) <= tol, "d/dx" + i + ": autograd " + vars[i].grad()
                    + ", central difference " + numeric + ", tolerance " + tol);
        }
    }
}
