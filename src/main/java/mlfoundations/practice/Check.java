package mlfoundations.practice;

/**
 * Self-checks for the practice cells at the end of each lesson. Each check compares the student's answer with the
 * library's own answer (or a known value), prints a plain verdict with a hint when it is wrong, and returns whether
 * it was right, so the notebook never just prints "correct".
 */
public final class Check {

    private Check() {
    }

    /** Compares a number with the expected one, within an absolute-or-relative tolerance {@code tol}. */
    public static boolean number(String what, double answer, double expected, double tol, String hint) {
        if (Double.isNaN(answer)) {
            return report(what, false, "no answer yet (the value is NaN)", hint);
        }
        boolean ok = close(answer, expected, tol);
        return report(what, ok, ok ? "" : "you have " + answer + ", which is not within " + tol + " of the expected value",
                hint);
    }

    /** Compares two arrays element by element within {@code tol}, naming the first element that differs. */
    public static boolean vector(String what, double[] answer, double[] expected, double tol, String hint) {
        if (answer == null) {
            return report(what, false, "no answer yet (the array is null)", hint);
        }
        if (answer.length != expected.length) {
            return report(what, false, "your array has " + answer.length + " elements, the expected one has "
                    + expected.length, hint);
        }
        for (int i = 0; i < answer.length; i++) {
            if (!close(answer[i], expected[i], tol)) {
                return report(what, false, "element " + i + " is " + answer[i] + ", which is not within " + tol
                        + " of the expected value", hint);
            }
        }
        return report(what, true, "", hint);
    }

    /** Reports a yes/no condition the cell has computed (for answers that are not a single number). */
    public static boolean that(String what, boolean ok, String hint) {
        return report(what, ok, ok ? "" : "not yet", hint);
    }

    /** True when |a - b| <= tol * max(1, |b|): absolute near zero, relative for large values. */
    public static boolean close(double a, double b, double tol) {
        if (!(tol >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tol);
        }
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return false;
        }
        if (a == b) {
            return true;
        }
        return Math.abs(a - b) <= tol * Math.max(1.0, Math.abs(b));
    }

    private static boolean report(String what, boolean ok, String detail, String hint) {
        if (ok) {
            System.out.println("Right: " + what + ".");
        } else {
            System.out.println("Not yet: " + what + ": " + detail + ".");
            if (hint != null && !hint.isBlank()) {
                System.out.println("Hint: " + hint);
            }
        }
        return ok;
    }

}
