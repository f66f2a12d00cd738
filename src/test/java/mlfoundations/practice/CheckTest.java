package mlfoundations.practice;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import org.junit.jupiter.api.Test;

class CheckTest {

    @Test
    void rightAndWrongAnswersAreToldApartAndWrongOnesGetTheHint() {
        String out = captured(() -> {
            Check.number("the mean", 5.0000001, 5.0, 1e-6, "use n p");
            Check.number("the mean", 4.0, 5.0, 1e-6, "use n p");
            Check.number("the mean", Double.NaN, 5.0, 1e-6, "use n p");
        });
        assertTrue(out.startsWith("Right: the mean."), out);
        assertTrue(out.contains("Not yet: the mean: you have 4.0"), out);
        assertTrue(out.contains("Hint: use n p"), out);
        assertTrue(out.contains("no answer yet"), out);
    }

    @Test
    void vectorsAreComparedElementByElement() {
        String out = captured(() -> {
            Check.vector("v", new double[] {1, 2}, new double[] {1, 2 + 1e-12}, 1e-9, "h");
            Check.vector("v", new double[] {1, 3}, new double[] {1, 2}, 1e-9, "h");
            Check.vector("v", new double[] {1}, new double[] {1, 2}, 1e-9, "h");
        });
        assertTrue(out.startsWith("Right: v."), out);
        assertTrue(out.contains("element 1 is 3.0"), out);
        assertTrue(out.contains("has 1 elements, the expected one has 2"), out);
    }

    @Test
    void aMissingExpectedValueIsTheLessonsBugAndSaysSo() {
        // A null (or NaN) reference answer must not be reported to the student as their mistake, nor as right.
        IllegalArgumentException v = assertThrows(IllegalArgumentException.class,
                () -> Check.vector("v", new double[] {1}, null, 1e-9, "h"));
        assertTrue(v.getMessage().contains("'v'") && v.getMessage().contains("null"), v.getMessage());
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class,
                () -> Check.number("x", 1.0, Double.NaN, 1e-9, "h"));
        assertTrue(n.getMessage().contains("'x'") && n.getMessage().contains("NaN"), n.getMessage());
    }

    @Test
    void thatReportsAComputedCondition() {
        String out = captured(() -> {
            Check.that("the unit vectors match", true, "divide by the length");
            Check.that("the unit vectors match", false, "divide by the length");
        });
        assertTrue(out.startsWith("Right: the unit vectors match."), out);
        assertTrue(out.contains("Not yet: the unit vectors match: not yet.\nHint: divide by the length"), out);
    }

    @Test
    void closeIsRelativeForLargeValuesAndAbsoluteNearZero() {
        assertTrue(Check.close(1e9 + 1, 1e9, 1e-6));
        assertFalse(Check.close(1e-3, 0, 1e-6));
        assertTrue(Check.close(1e-7, 0, 1e-6));
        assertThrows(IllegalArgumentException.class, () -> Check.close(1, 1, -1));
    }

    private static String captured(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString();
    }
}
