package mlfoundations.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class VectorsTest {

    private static final double EPS = 1e-12;

    // ---- hand-worked examples from the source document (Lesson 0) ----

    @Test
    void dotProductOfTheDocumentsExampleIs32() {
        // 1*4 + 2*5 + 3*6 = 4 + 10 + 18 = 32
        assertEquals(32.0, Vectors.dot(Vectors.of(1, 2, 3), Vectors.of(4, 5, 6)));
    }

    @Test
    void twoFourSixAndThreeSixNineShareAUnitVector() {
        double[] u1 = Vectors.unit(Vectors.of(2, 4, 6));
        double[] u2 = Vectors.unit(Vectors.of(3, 6, 9));
        // Both are positive multiples of (1, 2, 3), whose length is sqrt(14).
        double r = Math.sqrt(14);
        double[] expected = {1 / r, 2 / r, 3 / r};
        assertArrayEquals(expected, u1, EPS);
        assertArrayEquals(expected, u2, EPS);
        // The document's own forms: (2, 4, 6) / sqrt(56) and (3, 6, 9) / sqrt(126).
        assertEquals(2 / Math.sqrt(56), u1[0], EPS);
        assertEquals(9 / Math.sqrt(126), u2[2], EPS);
        assertTrue(Vectors.close(u1, u2, EPS));
        // A negative multiple points the other way.
        assertArrayEquals(Vectors.scale(-1, expected), Vectors.unit(Vectors.of(-2, -4, -6)), EPS);
    }

    @Test
    void normsOfAThreeFourVector() {
        double[] v = Vectors.of(3, -4);
        assertEquals(5.0, Vectors.norm(v), EPS);
        assertEquals(7.0, Vectors.norm1(v), EPS);
        assertEquals(4.0, Vectors.normInf(v), EPS);
        assertEquals(0.0, Vectors.norm(Vectors.of(0, 0, 0)));
    }

    @Test
    void normDoesNotOverflowOrUnderflow() {
        assertEquals(Math.sqrt(2) * 1e200, Vectors.norm(Vectors.of(1e200, 1e200)), 1e186);
        assertEquals(5e-200, Vectors.norm(Vectors.of(3e-200, 4e-200)), 1e-212);
    }

    @Test
    void distancesByHand() {
        // 3-4-5 right triangle in 2-D.
        assertEquals(5.0, Vectors.distance(Vectors.of(1, 2), Vectors.of(4, 6)), EPS);
        // 2-3-6 gives 7 in 3-D: 4 + 9 + 36 = 49.
        assertEquals(7.0, Vectors.distance(Vectors.of(1, 2, 3), Vectors.of(3, 5, 9)), EPS);
        // Four unit steps in 4-D: sqrt(4) = 2.
        assertEquals(2.0, Vectors.distance(Vectors.of(1, 1, 1, 1), Vectors.of(0, 0, 0, 0)), EPS);
    }

    @Test
    void crossProductOfBasisVectors() {
        double[] i = Vectors.of(1, 0, 0);
        double[] j = Vectors.of(0, 1, 0);
        double[] k = Vectors.of(0, 0, 1);
        assertArrayEquals(k, Vectors.cross(i, j));
        assertArrayEquals(i, Vectors.cross(j, k));
        assertArrayEquals(j, Vectors.cross(k, i));
        assertArrayEquals(Vectors.of(0, 0, -1), Vectors.cross(j, i));
    }

    @Test
    void crossProductByTheComponentFormula() {
        // (2*6 - 3*5, 3*4 - 1*6, 1*5 - 2*4) = (-3, 6, -3)
        assertArrayEquals(Vectors.of(-3, 6, -3), Vectors.cross(Vectors.of(1, 2, 3), Vectors.of(4, 5, 6)));
    }

    @Test
    void crossProductOfParallelVectorsIsZero() {
        double[] c = Vectors.cross(Vectors.of(2, 4, 6), Vectors.of(3, 6, 9));
        assertArrayEquals(Vectors.of(0, 0, 0), c);
        assertTrue(Vectors.isZero(c, 0));
        assertTrue(Vectors.isZero(Vectors.cross(Vectors.of(1, -2, 5), Vectors.of(-3, 6, -15)), 0));
        assertFalse(Vectors.isZero(Vectors.of(0, 1e-3), 1e-4));
    }

    @Test
    void anglesOfKnownPairs() {
        assertEquals(Math.PI / 2, Vectors.angle(Vectors.of(1, 2), Vectors.of(-2, 1)), EPS);
        assertEquals(0.0, Vectors.dot(Vectors.of(1, 2), Vectors.of(-2, 1)));
        assertEquals(45.0, Vectors.angleDegrees(Vectors.of(1, 0), Vectors.of(1, 1)), 1e-10);
        assertEquals(60.0, Vectors.angleDegrees(Vectors.of(1, 0), Vectors.of(0.5, Math.sqrt(3) / 2)), 1e-10);
        assertEquals(0.0, Vectors.angle(Vectors.of(2, 4, 6), Vectors.of(3, 6, 9)), 1e-7);
        assertEquals(Math.PI, Vectors.angle(Vectors.of(1, 1), Vectors.of(-3, -3)), 1e-7);
        // Nearly parallel: the angle of (1, t) with the x axis is atan(t), about t for tiny t. A plain arccos of the
        // cosine would round to 0 here.
        assertEquals(1e-9, Vectors.angle(Vectors.of(1, 0), Vectors.of(1, 1e-9)), 1e-20);
        assertEquals(Math.PI - 1e-9, Vectors.angle(Vectors.of(1, 0), Vectors.of(-1, 1e-9)), 1e-15);
        assertEquals(180.0, Vectors.angleDegrees(Vectors.of(3, 1), Vectors.of(-3, -1)), 0.0);
    }

    @Test
    void biasFoldsIntoOneDotProduct() {
        double[] w = Vectors.of(0.5, -2);
        double[] x = Vectors.of(4, 1);
        double b = 3;
        // Hand: 0.5*4 + (-2)*1 + 3 = 3
        assertArrayEquals(Vectors.of(1, 4, 1), Vectors.prependOne(x));
        assertArrayEquals(Vectors.of(3, 0.5, -2), Vectors.prepend(b, w));
        assertEquals(3.0, Vectors.dot(Vectors.prepend(b, w), Vectors.prependOne(x)), EPS);
    }

    @Test
    void arithmeticByHand() {
        assertArrayEquals(Vectors.of(4, 1), Vectors.add(Vectors.of(3, -1), Vectors.of(1, 2)));
        assertArrayEquals(Vectors.of(2, -3), Vectors.subtract(Vectors.of(3, -1), Vectors.of(1, 2)));
        assertArrayEquals(Vectors.of(-6, 2), Vectors.scale(-2, Vectors.of(3, -1)));
        assertEquals("(0.50, -1.00)", Vectors.format(Vectors.of(0.5, -1), 2));
    }

    @Test
    void argumentsAreNotChanged() {
        double[] a = {1, 2, 3};
        double[] b = {4, 5, 6};
        Vectors.add(a, b);
        Vectors.unit(a);
        Vectors.cross(a, b);
        double[] of = Vectors.of(a);
        of[0] = 99;
        assertArrayEquals(new double[] {1, 2, 3}, a);
        assertArrayEquals(new double[] {4, 5, 6}, b);
    }

    // ---- bad input ----

    @Test
    void mismatchedLengthsNameBothLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Vectors.dot(Vectors.of(1, 2, 3), Vectors.of(1, 2)));
        assertTrue(e.getMessage().contains("dot product") && e.getMessage().contains("lengths 3 and 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Vectors.distance(Vectors.of(1), Vectors.of(1, 2)));
        assertTrue(e.getMessage().contains("lengths 1 and 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Vectors.add(Vectors.of(1, 2), Vectors.of(1, 2, 3, 4)));
        assertTrue(e.getMessage().contains("lengths 2 and 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Vectors.angle(Vectors.of(1, 2), Vectors.of(1, 2, 3)));
        assertTrue(e.getMessage().contains("lengths 2 and 3"), e.getMessage());
    }

    @Test
    void zeroVectorHasNoUnitVectorOrAngle() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Vectors.unit(Vectors.of(0, 0, 0)));
        assertTrue(e.getMessage().contains("the zero vector has no direction"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Vectors.angle(Vectors.of(0, 0), Vectors.of(1, 0)));
        assertTrue(e.getMessage().contains("zero vector"), e.getMessage());
    }

    @Test
    void crossProductNeedsThreeDimensions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Vectors.cross(Vectors.of(1, 2), Vectors.of(3, 4)));
        assertTrue(e.getMessage().contains("only for 3-D") && e.getMessage().contains("lengths 2 and 2"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Vectors.cross(Vectors.of(1, 2, 3, 4), Vectors.of(1, 2, 3)));
        assertTrue(e.getMessage().contains("lengths 4 and 3"), e.getMessage());
    }

    @Test
    void nullEmptyAndNonFiniteAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Vectors.norm(null));
        assertTrue(e.getMessage().contains("null"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Vectors.norm(new double[0]));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Vectors.dot(Vectors.of(1, Double.NaN),
                Vectors.of(1, 2)));
        assertTrue(e.getMessage().contains("non-finite component at index 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Vectors.dot(Vectors.of(1e200), Vectors.of(1e200)));
        assertTrue(e.getMessage().contains("overflowed"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Vectors.isZero(Vectors.of(1), -1));
    }

    // ---- identities that hold for all vectors ----

    @Provide
    Arbitrary<double[]> vec3() {
        return Arbitraries.doubles().between(-1000, 1000).array(double[].class).ofSize(3);
    }

    @Provide
    Arbitrary<double[]> pair() {
        // Two vectors of one random length, packed end to end: first half a, second half b.
        return Arbitraries.integers().between(1, 12).flatMap(n ->
                Arbitraries.doubles().between(-1000, 1000).array(double[].class).ofSize(2 * n));
    }

    @Property
    void crossProductIsPerpendicularToBothInputs(@ForAll("vec3") double[] a, @ForAll("vec3") double[] b) {
        double[] c = Vectors.cross(a, b);
        // Each dot is a sum of terms of size up to |a|^2 |b|; rounding error is relative to that.
        double scale = Vectors.norm(a) * Vectors.norm(a) * Vectors.norm(b) + Vectors.norm(a) * Vectors.norm(b)
                * Vectors.norm(b) + 1;
        assertEquals(0.0, Vectors.dot(c, a), 1e-12 * scale);
        assertEquals(0.0, Vectors.dot(c, b), 1e-12 * scale);
    }

    @Property
    void crossProductLengthFollowsLagrangesIdentity(@ForAll("vec3") double[] a, @ForAll("vec3") double[] b) {
        // |a x b|^2 + (a . b)^2 = |a|^2 |b|^2, i.e. |a x b| = |a||b| sin(theta) alongside a . b = |a||b| cos(theta)
        double na = Vectors.norm(a);
        double nb = Vectors.norm(b);
        double c = Vectors.norm(Vectors.cross(a, b));
        double d = Vectors.dot(a, b);
        assertEquals(na * na * nb * nb, c * c + d * d, 1e-9 * (na * na * nb * nb + 1));
        assertArrayEquals(Vectors.scale(-1, Vectors.cross(a, b)), Vectors.cross(b, a), 0.0);
    }

    @Property
    void cauchySchwarz(@ForAll("pair") double[] ab) {
        double[] a = java.util.Arrays.copyOfRange(ab, 0, ab.length / 2);
        double[] b = java.util.Arrays.copyOfRange(ab, ab.length / 2, ab.length);
        double bound = Vectors.norm(a) * Vectors.norm(b);
        assertTrue(Math.abs(Vectors.dot(a, b)) <= bound * (1 + 1e-12) + 1e-12,
                "|a.b| = " + Math.abs(Vectors.dot(a, b)) + " > |a||b| = " + bound);
    }

    @Property
    void dotEqualsLengthsTimesCosineOfAngle(@ForAll("pair") double[] ab) {
        double[] a = java.util.Arrays.copyOfRange(ab, 0, ab.length / 2);
        double[] b = java.util.Arrays.copyOfRange(ab, ab.length / 2, ab.length);
        Assume.that(Vectors.norm(a) > 1e-3 && Vectors.norm(b) > 1e-3);
        double bound = Vectors.norm(a) * Vectors.norm(b);
        double theta = Vectors.angle(a, b);
        assertTrue(theta >= 0 && theta <= Math.PI);
        assertEquals(Vectors.dot(a, b), bound * Math.cos(theta), 1e-9 * bound);
    }

    @Property
    void unitVectorHasLengthOneAndScalingChangesLengthByTheFactor(@ForAll("pair") double[] v,
            @ForAll @DoubleRange(min = 0.01, max = 1000) double c) {
        Assume.that(Vectors.norm(v) > 1e-6);
        assertEquals(1.0, Vectors.norm(Vectors.unit(v)), 1e-12);
        assertEquals(c * Vectors.norm(v), Vectors.norm(Vectors.scale(-c, v)), 1e-12 * c * Vectors.norm(v));
        // A positive multiple has the same unit vector: the (2,4,6) / (3,6,9) fact in general.
        assertArrayEquals(Vectors.unit(v), Vectors.unit(Vectors.scale(c, v)), 1e-12);
    }

    @Property
    void normsAreOrderedAndDistanceObeysTheTriangleInequality(@ForAll("pair") double[] ab) {
        double[] a = java.util.Arrays.copyOfRange(ab, 0, ab.length / 2);
        double[] b = java.util.Arrays.copyOfRange(ab, ab.length / 2, ab.length);
        double tol = 1e-9 * (Vectors.norm1(a) + Vectors.norm1(b) + 1);
        // |v|_inf <= |v|_2 <= |v|_1
        assertTrue(Vectors.normInf(a) <= Vectors.norm(a) + tol);
        assertTrue(Vectors.norm(a) <= Vectors.norm1(a) + tol);
        double[] origin = new double[a.length];
        assertTrue(Vectors.distance(a, b) <= Vectors.distance(a, origin) + Vectors.distance(origin, b) + tol);
        assertEquals(Vectors.distance(a, b), Vectors.distance(b, a), 0.0);
    }

    @Property
    void foldedBiasGivesTheSameWeightedSum(@ForAll("pair") double[] wx,
            @ForAll @DoubleRange(min = -100, max = 100) double b) {
        double[] w = java.util.Arrays.copyOfRange(wx, 0, wx.length / 2);
        double[] x = java.util.Arrays.copyOfRange(wx, wx.length / 2, wx.length);
        double direct = Vectors.dot(w, x) + b;
        double folded = Vectors.dot(Vectors.prepend(b, w), Vectors.prependOne(x));
        assertEquals(direct, folded, 1e-9 * (Vectors.norm(w) * Vectors.norm(x) + Math.abs(b) + 1));
    }

    @org.junit.jupiter.api.Test
    void linspaceAndMapMatchHandWorkedValues() {
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, Vectors.linspace(0, 1, 5));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {-3, -1, 1}, Vectors.linspace(-3, 1, 3));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0, 1, 4}, Vectors.map(t -> t * t, new double[] {0, 1, 2}));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Vectors.linspace(0, 1, 1));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("at least 2 points, got 1"), e.getMessage());
    }
}
